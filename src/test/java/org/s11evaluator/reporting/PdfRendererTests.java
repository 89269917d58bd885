package org.s11evaluator.reporting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary's PDF: rendered without the font warnings no one can act on, and with the warnings that matter. */
@ExtendWith(OutputCaptureExtension.class)
class PdfRendererTests {

	private static final String HTML = """
			<html><head><style>body { font-family: Helvetica, Arial, sans-serif; } code { font-family: monospace; }</style></head>
			<body><h1>Probation Service – Barking, Dagenham and Havering</h1><p>Tŷ'r Ŵyn, Łódź: “quoted” • ≥ 20%</p><code>SUS-EVD-01</code></body></html>""";

	@Test
	void rendersASummaryWithoutAWarningAboutTheStandardFonts(CapturedOutput output) {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();

		PdfRenderer.render(HTML, pdf);
		PdfRenderer.render(HTML, new ByteArrayOutputStream());

		assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(pdf.size()).isGreaterThan(1000);
		assertThat(output).doesNotContain("Using fallback font", "WARN");
	}

	@Test
	void aPdfWaitsWhileItIsBuiltInAFolderOnlyThisUserCanEnterAndItsFilesGoWhenTheDocumentCloses() throws Exception {
		java.io.File folder = PdfScratch.folder();

		assertThat(java.nio.file.Files.getPosixFilePermissions(folder.toPath())).containsExactlyInAnyOrder(
				java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
				java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
		try (org.apache.pdfbox.io.RandomAccessStreamCache cache = PdfScratch.streamCache().create()) {
			org.apache.pdfbox.io.RandomAccess page = cache.createBuffer();
			page.write(new byte[256 * 1024]);
			assertThat(folder.list()).as("the page contents are in the private folder").hasSize(1);
		}
		assertThat(folder.list()).isEmpty();
		PdfRenderer.render(HTML, new ByteArrayOutputStream());
		assertThat(folder.list()).as("nothing left behind by a rendered PDF").isEmpty();
	}

	@Test
	void aFontThatIsNotAStandardPdfFontStillReportsItsFallback() {
		PdfRenderer.render(HTML, new ByteArrayOutputStream());

		assertThat(FontMappers.instance().getFontBoxFont("NoSuchFont-Regular", null).isFallback()).isTrue();
		assertThat(FontMappers.instance().getFontBoxFont("Helvetica", null).isFallback()).isFalse();
	}

	@Test
	void wordsWithFfAndFiPrintAsTheirLettersNotAsLigaturesSoTheyAreFoundAndReadAloud() throws Exception {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();

		int pages = PdfRenderer.render("""
				<html><head><style>body { font-family: "DejaVu Sans"; }</style></head>
				<body><p>The effective definition of the first office</p></body></html>""", pdf);

		assertThat(pages).isEqualTo(1);
		try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("The effective definition of the first office");
			assertThat(text.chars().filter((c) -> c >= 0xFB00 && c <= 0xFB06)).as("ligature characters").isEmpty();
		}
	}

	@Test
	void theFontsLoseOnlyTheirGlyphSubstitutionTable() throws Exception {
		byte[] dejavu;
		try (var in = PdfRenderer.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
			dejavu = in.readAllBytes();
		}
		var original = new TTFParser().parse(new RandomAccessReadBuffer(dejavu));
		var printed = new TTFParser().parse(new RandomAccessReadBuffer(PdfRenderer.withoutGlyphSubstitution(dejavu)));

		assertThat(original.getGsubData()).isNotSameAs(GsubData.NO_DATA_FOUND);
		assertThat(printed.getGsubData()).isSameAs(GsubData.NO_DATA_FOUND);
		assertThat(printed.getNumberOfGlyphs()).isEqualTo(original.getNumberOfGlyphs());
		assertThat(printed.getUnicodeCmapLookup().getGlyphId(0x0175)).isEqualTo(original.getUnicodeCmapLookup().getGlyphId(0x0175))
			.isPositive(); // Welsh w circumflex
		assertThat(printed.getTableMap().keySet()).hasSameSizeAs(original.getTableMap().keySet()).doesNotContain("GSUB");
	}

	@Test
	void onlyTextWithRightToLeftCharactersIsRunThroughTheBidiAlgorithm() {
		assertThat(PdfRenderer.hasRightToLeft("Agency – Tŷ'r Ŵyn, Łódź, Αθήνα, Москва, 北京")).isFalse();
		assertThat(PdfRenderer.hasRightToLeft("Agency مجلس المدينة")).isTrue();
		assertThat(PdfRenderer.hasRightToLeft("Agency \uFEB3")).as("an Arabic presentation form").isTrue();
		assertThat(PdfRenderer.hasRightToLeft("Agency שלום")).isTrue();
		assertThat(PdfRenderer.hasRightToLeft("Agency \u200F")).as("a right-to-left mark").isTrue();
	}

}

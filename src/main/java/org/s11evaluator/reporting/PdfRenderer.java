package org.s11evaluator.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Prints the summary's HTML to PDF, in Java, with the same CSS as the page's print view: a tagged PDF (PDF/UA, so a
 * screen reader follows its headings, tables and reading order), with DejaVu Sans embedded for the text, which covers
 * Latin Extended (Welsh ŵ ŷ, Polish ł ź, Irish), Greek, Cyrillic and Arabic (joined and right to left by ICU4J's
 * shaper and bidi algorithm); glyphs DejaVu Sans lacks come from {@value #CJK_FAMILY}, a subset of Droid Sans Fallback
 * (Apache 2.0): the 8,846 Chinese characters of GB 2312 and Big5's frequently used level, Japanese kana, CJK
 * punctuation and full-width forms (Korean Hangul is not covered).
 * <p>
 * The four DejaVu files are read and parsed once per rendering thread, not once per PDF (parsing them was most of a
 * small summary's PDF time); each PDF still embeds its own subset of them. The Chinese font is read only by a PDF
 * that uses one of its glyphs.
 */
public final class PdfRenderer {

	static {
		// The renderer logs every stage at INFO through java.util.logging; failures still surface as exceptions.
		com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
		// PDFBox warned about the standard PDF fonts' substitutes at every summary (StandardFontSubstitutes says why not)
		StandardFontSubstitutes.install();
	}

	/** The family the summary's CSS names first. */
	static final String FAMILY = "DejaVu Sans";

	private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	/** The family the summary's CSS names second, for the glyphs DejaVu Sans lacks (Chinese, Japanese kana). */
	static final String CJK_FAMILY = "Droid Sans Fallback";

	private static final String CJK_FONT = "/fonts/DroidSansFallback-CJK.ttf";

	private record Face(String file, int weight, BaseRendererBuilder.FontStyle style) {
	}

	private static final List<Face> FACES = List.of(new Face("DejaVuSans.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL),
			new Face("DejaVuSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL),
			new Face("DejaVuSans-Oblique.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC),
			new Face("DejaVuSans-BoldOblique.ttf", 700, BaseRendererBuilder.FontStyle.ITALIC));

	/** The font files' bytes, read once: a few megabytes for the life of the application. */
	private static final List<byte[]> FONT_FILES = FACES.stream().map((face) -> read(face.file())).toList();

	/**
	 * The parsed fonts, one set per thread: PDFBox reads a parsed font's tables lazily from its own stream, so two
	 * threads never share one (summaries are rendered on several threads at once).
	 */
	private static final ThreadLocal<List<TrueTypeFont>> PARSED = ThreadLocal.withInitial(PdfRenderer::parse);

	private PdfRenderer() {
	}

	private static byte[] read(String file) {
		try (InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + file)) {
			if (in == null) {
				throw new IllegalStateException("The PDF font " + FONTS + file + " is missing from the application");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the PDF font " + FONTS + file, ex);
		}
	}

	private static List<TrueTypeFont> parse() {
		List<TrueTypeFont> fonts = new ArrayList<>();
		for (int i = 0; i < FACES.size(); i++) {
			try {
				fonts.add(new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILES.get(i))));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot parse the PDF font " + FONTS + FACES.get(i).file(), ex);
			}
		}
		return fonts;
	}

	/** Renders the HTML as a tagged PDF with the fonts embedded (subsets); returns the number of pages. */
	public static int render(String html, OutputStream out) {
		List<TrueTypeFont> fonts = PARSED.get();
		try (PDDocument document = new PDDocument()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.usePDDocument(document);
			for (int i = 0; i < FACES.size(); i++) {
				Face face = FACES.get(i);
				// embedded as a subset of the glyphs this PDF uses; the parsed font is not closed with the document
				builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.get(i), true)), FAMILY, face.weight(), face.style(), true);
			}
			if (PdfRenderer.class.getResource(CJK_FONT) == null) {
				throw new IllegalStateException("The PDF font " + CJK_FONT + " is missing from the application");
			}
			builder.useFont(() -> PdfRenderer.class.getResourceAsStream(CJK_FONT), CJK_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			// Arabic (and Hebrew) names: split into directional runs, shaped (letters joined) and reordered for print
			builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
			builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
			builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
			builder.toStream(out);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.createPDF(); // lays out, draws, saves to the stream
				return renderer.getRootBox().getLayer().getPages().size();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the summary as PDF", ex);
		}
	}

}

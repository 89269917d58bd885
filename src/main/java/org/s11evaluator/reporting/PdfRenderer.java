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
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
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

	/**
	 * The font files' bytes, read once: a few megabytes for the life of the application; without their glyph
	 * substitution table (see {@link #withoutGlyphSubstitution(byte[])}).
	 */
	private static final List<byte[]> FONT_FILES = FACES.stream().map((face) -> withoutGlyphSubstitution(read(face.file()))).toList();

	/**
	 * The parsed fonts, one set per thread: PDFBox reads a parsed font's tables lazily from its own stream, so two
	 * threads never share one (summaries are rendered on several threads at once).
	 */
	private static final ThreadLocal<List<TrueTypeFont>> PARSED = ThreadLocal.withInitial(PdfRenderer::parse);

	/** How the document is saved (PDFBox's default: its objects packed into compressed object streams). */
	private static final CompressParameters COMPRESSION = CompressParameters.DEFAULT_COMPRESSION;

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

	/**
	 * The font with its GSUB table (glyph substitution: ligatures, alternates) hidden from PDFBox by renaming its tag in
	 * the table directory. PDFBox applies GSUB to every string it draws with a font that has one, which was about a
	 * seventh of a summary's PDF time; the renderer measures text without it, so a ligature only made a word narrower
	 * than the space laid out for it. Arabic does not need it: ICU4J joins the letters into their presentation forms
	 * before the text reaches PDFBox. The table is never embedded (PDFBox's subsets keep only the glyph tables).
	 */
	static byte[] withoutGlyphSubstitution(byte[] font) {
		byte[] copy = font.clone();
		int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
		for (int i = 0; i < tables; i++) {
			int entry = 12 + 16 * i;
			if (copy[entry] == 'G' && copy[entry + 1] == 'S' && copy[entry + 2] == 'U' && copy[entry + 3] == 'B') {
				copy[entry] = 'g';
				copy[entry + 1] = 's';
				copy[entry + 2] = 'u';
				copy[entry + 3] = 'b';
			}
		}
		return copy;
	}

	/**
	 * True if the text holds a right-to-left character (Hebrew, Arabic and their presentation forms, or a
	 * right-to-left mark or embedding): only then is the bidi algorithm run, which costs a pass over every
	 * paragraph of the document.
	 */
	static boolean hasRightToLeft(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= '\u0590' && c <= '\u08ff') || (c >= '\ufb1d' && c <= '\ufdff') || (c >= '\ufe70' && c <= '\ufefe')
					|| c == '\u200f' || c == '\u202b' || c == '\u202e' || c == '\u2067') {
				return true;
			}
		}
		return false;
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
		boolean rightToLeft = hasRightToLeft(html);
		// the page contents and the font subsets are kept in a temporary file while the document is built, not on the heap
		// (in a folder only this process's user can enter: PdfScratch)
		try (PDDocument document = new PDDocument(PdfScratch.streamCache())) {
			int pages = layOutAndDraw(document, fonts, new W3CDom().fromJsoup(Jsoup.parse(html)), rightToLeft);
			// the layout and the HTML's tree are released by now; the document is written as it is saved
			document.save(out, COMPRESSION);
			return pages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the summary as PDF", ex);
		}
	}

	private static int layOutAndDraw(PDDocument document, List<TrueTypeFont> fonts, org.w3c.dom.Document html, boolean rightToLeft)
			throws IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfUaAccessibility(true);
		builder.usePDDocument(document);
		builder.usePageSupplier(MarkedContentProperties::page);
		for (int i = 0; i < FACES.size(); i++) {
			Face face = FACES.get(i);
			// embedded as a subset of the glyphs this PDF uses; the parsed font is not closed with the document
			builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.get(i), true)), FAMILY, face.weight(), face.style(), true);
		}
		if (PdfRenderer.class.getResource(CJK_FONT) == null) {
			throw new IllegalStateException("The PDF font " + CJK_FONT + " is missing from the application");
		}
		builder.useFont(() -> PdfRenderer.class.getResourceAsStream(CJK_FONT), CJK_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
		if (rightToLeft) {
			// Arabic (and Hebrew) names: split into directional runs, shaped (letters joined) and reordered for print
			builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
			builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
		}
		builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
		builder.withW3cDocument(html, null);
		try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.createPDFWithoutClosing(); // lays out and draws every page; the document is saved by the caller
			return renderer.getRootBox().getLayer().getPages().size();
		}
	}

}

package org.s11evaluator.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Prints the summary's HTML to PDF, in Java, with the same CSS as the page's print view: a tagged PDF (PDF/UA, so a
 * screen reader follows its headings, tables and reading order), with DejaVu Sans embedded for the text, which covers
 * Latin Extended (Welsh ŵ ŷ, Polish ł ź, Irish), Greek, Cyrillic and Arabic (joined and right to left by ICU4J's
 * shaper and bidi algorithm); glyphs DejaVu Sans lacks come from {@value #CJK_FAMILY}, a subset of Droid Sans Fallback
 * (Apache 2.0): the 8,846 Chinese characters of GB 2312 and Big5's frequently used level, Japanese kana, CJK
 * punctuation and full-width forms (Korean Hangul is not covered).
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

	private PdfRenderer() {
	}

	private static void font(PdfRendererBuilder builder, String file, int weight, BaseRendererBuilder.FontStyle style) {
		font(builder, FONTS + file, FAMILY, weight, style);
	}

	private static void font(PdfRendererBuilder builder, String resource, String family, int weight, BaseRendererBuilder.FontStyle style) {
		if (PdfRenderer.class.getResource(resource) == null) {
			throw new IllegalStateException("The PDF font " + resource + " is missing from the application");
		}
		builder.useFont(() -> PdfRenderer.class.getResourceAsStream(resource), family, weight, style, true);
	}

	/** Prints an HTML page (escaped, self-contained) to a tagged PDF with the bundled fonts. */
	public static void render(String html, OutputStream out) {
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessbility(true);
			font(builder, "DejaVuSans.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
			font(builder, "DejaVuSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
			font(builder, "DejaVuSans-Oblique.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
			font(builder, "DejaVuSans-BoldOblique.ttf", 700, BaseRendererBuilder.FontStyle.ITALIC);
			font(builder, CJK_FONT, CJK_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL);
			// Arabic (and Hebrew) names: split into directional runs, shaped (letters joined) and reordered for print
			builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
			builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
			builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the summary as PDF", ex);
		}
	}

}

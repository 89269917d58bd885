package org.s11evaluator.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Prints the summary's HTML to PDF, in Java, with the same CSS as the page's print view: a tagged PDF (PDF/UA, so a
 * screen reader follows its headings, tables and reading order), with DejaVu Sans embedded for the text, which covers
 * Latin Extended (Welsh ŵ ŷ, Polish ł ź, Irish), Greek, Cyrillic and Arabic letters (unjoined: the renderer does not
 * shape Arabic); Chinese, Japanese and Korean are not covered by a bundled font.
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

	private PdfRenderer() {
	}

	private static void font(PdfRendererBuilder builder, String file, int weight, BaseRendererBuilder.FontStyle style) {
		if (PdfRenderer.class.getResource(FONTS + file) == null) {
			throw new IllegalStateException("The PDF font " + FONTS + file + " is missing from the application");
		}
		builder.useFont(() -> PdfRenderer.class.getResourceAsStream(FONTS + file), FAMILY, weight, style, true);
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
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the summary as PDF", ex);
		}
	}

}

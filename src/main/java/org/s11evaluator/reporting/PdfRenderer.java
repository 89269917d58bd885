package org.s11evaluator.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/** Prints the summary's HTML to PDF, in Java, with the same CSS as the page's print view. */
final class PdfRenderer {

	static {
		// The renderer logs every stage at INFO through java.util.logging; failures still surface as exceptions.
		com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
		// PDFBox warned about the standard PDF fonts' substitutes at every summary (StandardFontSubstitutes says why not)
		StandardFontSubstitutes.install();
	}

	private PdfRenderer() {
	}

	static void render(String html, OutputStream out) {
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render the summary as PDF", ex);
		}
	}

}

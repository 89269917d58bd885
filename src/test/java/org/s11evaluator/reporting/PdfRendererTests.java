package org.s11evaluator.reporting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.font.FontMappers;
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
	void aFontThatIsNotAStandardPdfFontStillReportsItsFallback() {
		PdfRenderer.render(HTML, new ByteArrayOutputStream());

		assertThat(FontMappers.instance().getFontBoxFont("NoSuchFont-Regular", null).isFallback()).isTrue();
		assertThat(FontMappers.instance().getFontBoxFont("Helvetica", null).isFallback()).isFalse();
	}

}

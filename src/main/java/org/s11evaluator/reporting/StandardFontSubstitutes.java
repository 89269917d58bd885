package org.s11evaluator.reporting;

import java.io.IOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDFBox's font mapping, without its warning about the PDF standard fonts (Helvetica, Times, Courier, Symbol,
 * ZapfDingbats). The renderer sets up all fourteen for every document; PDFBox then looks for a system font of
 * each name, finds none on most servers, and warned "Using fallback font LiberationSans for base font Helvetica"
 * fourteen times per summary, which no one can act on. The warning does not apply here: a standard font is never
 * embedded (the PDF names it and the viewer draws it, with the widths of PDFBox's own metrics); the system font
 * only tells PDFBox which glyphs exist. So a standard font's substitute is logged at DEBUG, once per font, and
 * every other mapping (an embedded font missing, for example) is PDFBox's own, warnings included.
 */
final class StandardFontSubstitutes implements FontMapper {

	private static final Logger log = LoggerFactory.getLogger(StandardFontSubstitutes.class);

	private final FontMapper pdfbox;

	private StandardFontSubstitutes(FontMapper pdfbox) {
		this.pdfbox = pdfbox;
	}

	/** Puts this mapping in front of PDFBox's own, once per process. */
	static synchronized void install() {
		if (!(org.apache.pdfbox.pdmodel.font.FontMappers.instance() instanceof StandardFontSubstitutes)) {
			org.apache.pdfbox.pdmodel.font.FontMappers.set(new StandardFontSubstitutes(org.apache.pdfbox.pdmodel.font.FontMappers.instance()));
		}
	}

	@Override
	public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
		return this.pdfbox.getTrueTypeFont(baseFont, fontDescriptor);
	}

	@Override
	public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
		FontMapping<FontBoxFont> mapping = this.pdfbox.getFontBoxFont(baseFont, fontDescriptor);
		if (!mapping.isFallback() || !Standard14Fonts.containsName(baseFont)) {
			return mapping;
		}
		log.debug("Standard PDF font {}: not embedded; {} tells which glyphs it has", baseFont, name(mapping.getFont()));
		return new FontMapping<>(mapping.getFont(), false);
	}

	@Override
	public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
		return this.pdfbox.getCIDFont(baseFont, fontDescriptor, cidSystemInfo);
	}

	private static String name(FontBoxFont font) {
		try {
			return font.getName();
		}
		catch (IOException ex) {
			return "a system font";
		}
	}

}

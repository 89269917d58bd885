package org.s11evaluator.reporting;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A page's /Properties resource dictionary that knows at once whether it already holds a value. A tagged PDF marks
 * every run of text and every background with its own property list (its marked-content id), and PDFBox, before
 * adding each, asks whether the page's dictionary already holds it, by looking through every entry: a page of a
 * long table holds some hundreds, so the question cost about a tenth of a summary's PDF time. The answer is the same
 * (a dictionary is found by identity, as PDFBox compares them); only the search is a set.
 * <p>
 * Each property list is also kept a direct object, written inside this dictionary: PDFBox otherwise saves every one as
 * an object of its own (about 33,000 of the 42,000 objects of a 150-agency summary: mostly the backgrounds and borders
 * marked as artifacts), and writing, pooling and cross-referencing them was most of the time {@code save} took. The
 * pages, their marked content and the structure tree are the same; the file is about a third smaller.
 */
final class MarkedContentProperties extends COSDictionary {

	private final Set<Object> values = Collections.newSetFromMap(new IdentityHashMap<>());

	/** A new page of the size asked for, its resources holding this dictionary; what openhtmltopdf itself does besides. */
	static PDPage page(PDDocument document, float width, float height, int pageNumber, int shadowPageNumber) {
		PDPage page = new PDPage(new PDRectangle(width, height));
		PDResources resources = new PDResources();
		resources.getCOSObject().setItem(COSName.PROPERTIES, new MarkedContentProperties());
		page.setResources(resources);
		document.addPage(page);
		return page;
	}

	@Override
	public void setItem(COSName key, COSBase value) {
		if (value instanceof COSDictionary) {
			value.setDirect(true);
		}
		super.setItem(key, value);
		if (value != null) {
			this.values.add(value);
		}
	}

	@Override
	public boolean containsValue(Object value) {
		// a value once added may since have been removed or replaced: the set only answers "never held" at once
		return this.values.contains(value) && super.containsValue(value);
	}

}

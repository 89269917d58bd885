package org.s11evaluator.reporting;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page's marked-content properties: PDFBox's answers to "is this already on the page?", found at once. */
class MarkedContentPropertiesTests {

	@Test
	void aPropertyListAddedToAPageIsFoundAndANewOneGetsAKeyOfItsOwn() throws Exception {
		try (PDDocument document = new PDDocument()) {
			PDPage page = MarkedContentProperties.page(document, 842, 595, 0, 0);
			PDPropertyList first = PDPropertyList.create(mcid(0));
			PDPropertyList second = PDPropertyList.create(mcid(1));

			COSName firstKey = page.getResources().add(first);
			COSName again = page.getResources().add(first);
			COSName secondKey = page.getResources().add(second);

			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(page.getMediaBox().getWidth()).isEqualTo(842);
			assertThat(again).isEqualTo(firstKey);
			assertThat(secondKey).isNotEqualTo(firstKey);
			assertThat(page.getResources().getProperties(secondKey).getCOSObject()).isSameAs(second.getCOSObject());
		}
	}

	@Test
	void aValueRemovedOrReplacedIsNoLongerHeld() {
		MarkedContentProperties properties = new MarkedContentProperties();
		COSDictionary removed = mcid(0);
		COSDictionary replaced = mcid(1);
		COSDictionary kept = mcid(2);
		properties.setItem(COSName.getPDFName("Prop1"), removed);
		properties.setItem(COSName.getPDFName("Prop2"), replaced);
		properties.setItem(COSName.getPDFName("Prop3"), kept);

		properties.removeItem(COSName.getPDFName("Prop1"));
		properties.setItem(COSName.getPDFName("Prop2"), mcid(3));

		assertThat(properties.containsValue(removed)).isFalse();
		assertThat(properties.containsValue(replaced)).isFalse();
		assertThat(properties.containsValue(kept)).isTrue();
		assertThat(properties.containsValue(mcid(2))).as("an equal dictionary that is not the one held").isFalse();
	}

	@Test
	void aSummarysMarkedContentPropertiesAreSavedInsideThePageNotAsAnObjectEachAndItStaysTagged() throws Exception {
		// given a table whose cells have borders (each marked as a background artifact with its own property list)
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			rows.append("<tr><td>Agency ").append(i).append("</td><td>Met</td></tr>");
		}
		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();

		PdfRenderer.render("<html lang=\"en\"><head><title>T</title><style>td { border-bottom: 1px solid #ccc; }</style></head><body><table>"
				+ rows + "</table></body></html>", pdf);

		try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toByteArray())) {
			COSDictionary properties = document.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
			assertThat(properties.size()).as("a property list for each cell's text and each cell's border").isGreaterThanOrEqualTo(100);
			assertThat(properties.getValues()).as("held in the page's dictionary, not referred to").allMatch((v) -> v instanceof COSDictionary);
			assertThat(properties.getValues().stream().map((v) -> ((COSDictionary) v).getCOSName(COSName.TYPE)))
				.contains(COSName.BACKGROUND);
			assertThat(document.getDocumentCatalog().getStructureTreeRoot().getParentTree()).isNotNull();
			assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
		}
	}

	private static COSDictionary mcid(int id) {
		COSDictionary dictionary = new COSDictionary();
		dictionary.setItem(COSName.MCID, COSInteger.get(id));
		return dictionary;
	}

}

package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the cells of one sheet as it streams past (a SAX pass over the sheet's XML, with POI's safe XML reader: no
 * external entities), keeping only cells that hold something, up to a limit; memory stays bounded whatever the
 * sheet's size. A cell with a formula is kept as a formula, its text and its cached value never used: a formula
 * is never evaluated, and its last result is not taken for an answer.
 */
final class SheetCells {

	/** What one cell holds. */
	enum Kind {
		TEXT, NUMBER, BOOLEAN, ERROR, FORMULA, DATE
	}

	/** A cell that holds something; {@code row} and {@code column} are 0-based. */
	record Cell(String ref, int row, int column, Kind kind, String value) {
	}

	/** The cells read, by reference, and whether the sheet held more than the limit. */
	record Read(Map<String, Cell> cells, boolean truncated, int rowsBeyond) {
	}

	/** Why a sheet that declares XML entities is refused. */
	static final String ENTITIES = "declares XML entities (a DOCTYPE), which spreadsheet programs never write: refused unread";

	private SheetCells() {
	}

	/** Reads at most {@code maxCells} non-empty cells; stops reading there (the rest is not needed to refuse it). */
	static Read read(InputStream sheet, SharedStrings strings, int maxCells) throws IOException {
		Handler handler = new Handler(strings, maxCells);
		try {
			XMLReader reader = XMLHelper.newXMLReader();
			reader.setContentHandler(handler);
			reader.parse(new InputSource(sheet));
		}
		catch (Enough ex) {
			return new Read(handler.cells, true, handler.lastRow);
		}
		catch (SAXException | ParserConfigurationException ex) {
			if (String.valueOf(ex.getMessage()).contains("DOCTYPE")) {
				// POI's reader refuses any DOCTYPE, so no entity is ever expanded or fetched (XXE, billion laughs)
				throw new IOException(ENTITIES, ex);
			}
			throw new IOException("the sheet's XML cannot be read: " + ex.getMessage(), ex);
		}
		return new Read(handler.cells, false, handler.lastRow);
	}

	/** Thrown to stop reading once the limit is reached. */
	private static final class Enough extends SAXException {

		private static final long serialVersionUID = 1L;

		Enough() {
			super("limit reached");
		}

	}

	private static final class Handler extends DefaultHandler {

		private final SharedStrings strings;

		private final int maxCells;

		private final Map<String, Cell> cells = new LinkedHashMap<>();

		private final StringBuilder text = new StringBuilder();

		private String ref;

		private String type;

		private boolean formula;

		private boolean collecting;

		private String value;

		private StringBuilder inline;

		private int lastRow;

		private int nextRow;

		private int nextColumn;

		Handler(SharedStrings strings, int maxCells) {
			this.strings = strings;
			this.maxCells = maxCells;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			String name = local(localName, qName);
			switch (name) {
				case "row" -> {
					String r = attributes.getValue("r");
					this.nextRow = (r != null) ? Integer.parseInt(r) - 1 : this.nextRow;
					this.nextColumn = 0;
				}
				case "c" -> {
					this.ref = attributes.getValue("r");
					this.type = attributes.getValue("t");
					this.formula = false;
					this.value = null;
					this.inline = null;
				}
				case "f" -> {
					this.formula = true;
					this.text.setLength(0);
					this.collecting = true;
				}
				case "v" -> {
					this.text.setLength(0);
					this.collecting = true;
				}
				case "is" -> this.inline = new StringBuilder();
				case "t" -> {
					if (this.inline != null) {
						this.text.setLength(0);
						this.collecting = true;
					}
				}
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (this.collecting && this.text.length() < 40_000) {
				this.text.append(ch, start, Math.min(length, 40_000 - this.text.length()));
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			String name = local(localName, qName);
			switch (name) {
				case "f" -> {
					this.value = "=" + this.text;
					this.collecting = false;
				}
				case "v" -> {
					if (!this.formula) {
						this.value = this.text.toString();
					}
					this.collecting = false;
				}
				case "t" -> {
					if (this.inline != null && this.collecting) {
						this.inline.append(this.text);
						this.collecting = false;
					}
				}
				case "row" -> this.nextRow++;
				case "c" -> cell();
				default -> {
				}
			}
		}

		private void cell() throws SAXException {
			int row;
			int column;
			if (this.ref != null) {
				CellReference reference = new CellReference(this.ref);
				row = reference.getRow();
				column = reference.getCol();
			}
			else {
				row = this.nextRow;
				column = this.nextColumn;
			}
			this.nextColumn = column + 1;
			Kind kind;
			String content;
			if (this.formula) {
				kind = Kind.FORMULA;
				content = this.value;
			}
			else if (this.inline != null) {
				kind = Kind.TEXT;
				content = this.inline.toString();
			}
			else if (this.value == null) {
				return; // a cell with a style and nothing in it
			}
			else if ("s".equals(this.type)) {
				kind = Kind.TEXT;
				content = sharedString(this.value);
			}
			else if ("str".equals(this.type) || "inlineStr".equals(this.type)) {
				kind = Kind.TEXT;
				content = this.value;
			}
			else if ("b".equals(this.type)) {
				kind = Kind.BOOLEAN;
				content = "1".equals(this.value.strip()) ? "TRUE" : "FALSE";
			}
			else if ("e".equals(this.type)) {
				kind = Kind.ERROR;
				content = this.value;
			}
			else if ("d".equals(this.type)) {
				kind = Kind.DATE;
				content = this.value;
			}
			else {
				kind = Kind.NUMBER;
				content = this.value.strip();
			}
			if (kind == Kind.TEXT && content.isBlank()) {
				return;
			}
			this.lastRow = Math.max(this.lastRow, row + 1);
			String at = new CellReference(row, column).formatAsString();
			this.cells.put(at, new Cell(at, row, column, kind, content));
			if (this.cells.size() >= this.maxCells) {
				throw new Enough();
			}
		}

		private String sharedString(String index) {
			try {
				return this.strings.getItemAt(Integer.parseInt(index.strip())).getString();
			}
			catch (RuntimeException ex) {
				return "";
			}
		}

		private static String local(String localName, String qName) {
			String name = (localName != null && !localName.isEmpty()) ? localName : qName;
			int colon = name.indexOf(':');
			return (colon >= 0) ? name.substring(colon + 1) : name;
		}

	}

}

package org.s11evaluator.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.files.ContentHash;

/**
 * What a template records about itself on its very hidden sheet ({@link TemplateLayout#RECORD}), one fact a row:
 * the pack and its version, the cycle and agency it was made for, where each answer is (the column of each field,
 * the cell of each front field, each item's sheet and row with a hash of its wording), the action plan's rows
 * and columns, and where outstanding practice goes. An import reads a workbook by this record, so a workbook made
 * from an older version of a pack is read as it was laid out, and its differences from the pack now can be named.
 */
record TemplateRecord(String format, String pack, String version, String cycle, String agency, String made,
		Map<String, String> fieldColumns, Map<String, String> frontCells, List<ItemRow> items, String actionsSheet,
		int actionsFirstRow, int actionsLastRow, Map<String, String> actionColumns, String outstandingSheet,
		String outstandingCell) {

	static final String FORMAT = "s11-workbook/1";

	/** One item's row: on which sheet and row (1-based) it is, and a hash of its wording when the template was made. */
	record ItemRow(String item, String standard, String sheet, int row, String textHash) {
	}

	/** The rows the record sheet holds, in order. */
	List<List<String>> rows() {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("This sheet records how the workbook was made; the import reads it. Please leave it as it is."));
		rows.add(List.of("format", this.format));
		rows.add(List.of("pack", this.pack));
		rows.add(List.of("version", this.version));
		rows.add(List.of("cycle", nonNull(this.cycle)));
		rows.add(List.of("agency", nonNull(this.agency)));
		rows.add(List.of("made", this.made));
		this.fieldColumns.forEach((key, column) -> rows.add(List.of("field", key, column)));
		this.frontCells.forEach((key, cell) -> rows.add(List.of("front", key, cell)));
		this.items.forEach((item) -> rows.add(List.of("item", item.item(), item.standard(), item.sheet(), String.valueOf(item.row()),
				item.textHash())));
		rows.add(List.of("actions", this.actionsSheet, String.valueOf(this.actionsFirstRow), String.valueOf(this.actionsLastRow)));
		this.actionColumns.forEach((key, column) -> rows.add(List.of("action-field", key, column)));
		rows.add(List.of("outstanding", this.outstandingSheet, this.outstandingCell));
		return rows;
	}

	/** Reads the record back from its sheet's rows; null when the rows are not a record of this format. */
	static TemplateRecord parse(List<List<String>> rows) {
		Map<String, String> facts = new LinkedHashMap<>();
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> front = new LinkedHashMap<>();
		Map<String, String> actionColumns = new LinkedHashMap<>();
		List<ItemRow> items = new ArrayList<>();
		String[] actions = null;
		String[] outstanding = null;
		try {
			for (List<String> row : rows) {
				String key = cell(row, 0);
				if (key.equals("field")) {
					fields.put(cell(row, 1), cell(row, 2));
				}
				else if (key.equals("front")) {
					front.put(cell(row, 1), cell(row, 2));
				}
				else if (key.equals("item")) {
					items.add(new ItemRow(cell(row, 1), cell(row, 2), cell(row, 3), Integer.parseInt(cell(row, 4)), cell(row, 5)));
				}
				else if (key.equals("actions")) {
					actions = new String[] { cell(row, 1), cell(row, 2), cell(row, 3) };
				}
				else if (key.equals("action-field")) {
					actionColumns.put(cell(row, 1), cell(row, 2));
				}
				else if (key.equals("outstanding")) {
					outstanding = new String[] { cell(row, 1), cell(row, 2) };
				}
				else if (!key.isEmpty()) {
					facts.put(key, cell(row, 1));
				}
			}
			if (!FORMAT.equals(facts.get("format")) || facts.get("pack") == null || actions == null || outstanding == null
					|| items.isEmpty()) {
				return null;
			}
			return new TemplateRecord(FORMAT, facts.get("pack"), facts.get("version"), blankToNull(facts.get("cycle")),
					blankToNull(facts.get("agency")), facts.get("made"), fields, front, items, actions[0], Integer.parseInt(actions[1]),
					Integer.parseInt(actions[2]), actionColumns, outstanding[0], outstanding[1]);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A short hash of an item's wording, to tell whether it changed since the template was made. */
	static String hash(String text) {
		return ContentHash.of(String.valueOf(text).strip()).substring(0, 16);
	}

	private static String cell(List<String> row, int i) {
		return (i < row.size() && row.get(i) != null) ? row.get(i).strip() : "";
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}

package org.s11evaluator.survey;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: commas, double quotes doubled inside quoted cells, cells over several lines) into rows, each
 * with the line it starts on, so that a problem is reported at its line and column as an editor shows them.
 */
final class SurveyCsv {

	record Row(int line, List<String> cells) {
	}

	/** A CSV that cannot be read as CSV at all. */
	static final class Unreadable extends Exception {

		final int line;

		final int column;

		Unreadable(int line, int column, String message) {
			super(message);
			this.line = line;
			this.column = column;
		}

	}

	private SurveyCsv() {
	}

	static List<Row> read(String text) throws Unreadable {
		String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<Row> rows = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int line = 1;
		int rowLine = 1;
		boolean quoted = false;
		boolean wasQuoted = false;
		int quoteLine = 0;
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < t.length() && t.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.length() == 0 && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
				quoteLine = line;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				wasQuoted = false;
				if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
					rows.add(new Row(rowLine, List.copyOf(cells)));
				}
				cells.clear();
				line++;
				rowLine = line;
			}
			else if (wasQuoted) {
				throw new Unreadable(line, cells.size() + 1, "text after the closing quote of a quoted cell: put the whole cell in quotes");
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new Unreadable(quoteLine, cells.size() + 1, "the quote \" opened here is never closed");
		}
		if (cell.length() > 0 || !cells.isEmpty()) {
			cells.add(cell.toString());
			rows.add(new Row(rowLine, List.copyOf(cells)));
		}
		return rows;
	}

}

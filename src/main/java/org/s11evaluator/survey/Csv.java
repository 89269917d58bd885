package org.s11evaluator.survey;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV (RFC 4180) for spreadsheets, with a byte-order mark; a cell a spreadsheet would run as a formula gets an apostrophe first. */
final class Csv {

	private Csv() {
	}

	static String of(List<String> header, List<List<String>> rows) {
		return Stream.concat(Stream.of(header), rows.stream())
			.map((row) -> row.stream().map(Csv::cell).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "\uFEFF", "\r\n"));
	}

	static String cell(String value) {
		String v = (value == null) ? "" : value;
		String safe = (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) ? "'" + v : v;
		return (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}

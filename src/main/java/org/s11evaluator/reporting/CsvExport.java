package org.s11evaluator.reporting;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV (RFC 4180) of the register of returns and the improvement plan, for spreadsheets. Text an agency
 * wrote that a spreadsheet would run as a formula (starting with =, +, -, @) is prefixed with an apostrophe.
 */
final class CsvExport {

	private CsvExport() {
	}

	static String register(CycleSummary summary) {
		return csv(List.of("agency_id", "agency", "sector", "expected", "status", "completed_by", "role", "submitted_at", "version"),
				summary.register().stream().map((r) -> List.of(r.agencyId(), r.agencyName(), text(r.sector()), String.valueOf(r.expected()),
						r.status(), text(r.completedBy()), text(r.role()), text(r.submittedAt()), text(r.version()))).toList());
	}

	static String improvementPlan(CycleSummary summary) {
		return csv(List.of("status", "due", "agency_id", "agency", "standard", "item", "action", "lead", "source", "progress", "completed",
				"reason", "rule"),
				summary.improvementPlan().stream().map((a) -> List.of(a.status(), text(a.due()), a.agencyId(), a.agencyName(),
						text(a.standardId()), text(a.itemId()), text(a.action()), text(a.lead()), a.source(), text(a.progress()),
						text(a.completed()), text(a.reason()), text(a.rule()))).toList());
	}

	private static String csv(List<String> header, List<List<String>> rows) {
		return Stream.concat(Stream.of(header), rows.stream())
			.map((row) -> row.stream().map(CsvExport::cell).collect(Collectors.joining(",")))
			.collect(Collectors.joining("\r\n", "", "\r\n"));
	}

	static String cell(String value) {
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r"))
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

	private static String text(Object value) {
		return (value == null) ? "" : value.toString();
	}

}

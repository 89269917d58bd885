package org.s11evaluator.reporting;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.s11evaluator.rules.RulePackCompiler;
import org.springframework.stereotype.Component;

/** Prints a cycle's results per agency, the way a policy officer reads them. */
@Component
public class ConsoleReport {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

	public void print(CycleResults cycle, PrintStream out) {
		print(cycle, out, false);
	}

	/**
	 * Prints a cycle's results; with {@code reasonsShownAbove} (the demo, which has just imported the files and
	 * reported each rejection reason), a rejected file is named with its number of reasons, not its reasons again.
	 */
	public void print(CycleResults cycle, PrintStream out, boolean reasonsShownAbove) {
		String title = cycle.title() + " (" + cycle.cycleId() + ")";
		out.println();
		out.println("=".repeat(Math.min(100, title.length() + 8)));
		out.println("    " + title);
		out.println("=".repeat(Math.min(100, title.length() + 8)));
		out.printf("%s. Returns due %s.%n", cycle.partnershipName(), DAY.format(cycle.returnDeadline()));
		long expectedReturned = cycle.agencies().stream().filter(CycleResults.AgencyResult::expected).count();
		out.printf("%d of %d expected agencies returned; %d not returned; %d rejected file(s).%n", expectedReturned,
				cycle.expectedAgencies(), cycle.notReturned().size(), cycle.rejected().size());
		cycle.agencies().stream().map(CycleResults.AgencyResult::packVersion).filter((v) -> v != null).distinct()
			.forEach((version) -> out.println("Rule pack " + cycle.packId() + " version " + version.substring(0, 12)));
		out.println("Standards: G green, A amber, R red, N/A not applicable, - not rated.");
		for (CycleResults.AgencyResult agency : cycle.agencies()) {
			printAgency(agency, out);
		}
		if (!cycle.notReturned().isEmpty()) {
			out.println();
			out.println("Not returned: " + cycle.notReturned().stream().map(CycleResults.NotReturned::agencyName).collect(Collectors.joining(", ")));
		}
		for (CycleResults.Rejected rejected : cycle.rejected()) {
			out.println();
			String file = org.s11evaluator.logging.LogValues.escape(rejected.source())
					+ ((rejected.agencyId() != null) ? " (agency " + org.s11evaluator.logging.LogValues.escape(rejected.agencyId()) + ")" : "");
			if (reasonsShownAbove) {
				out.printf("REJECTED %s: %d %s, given at its import above%n", file, rejected.reasons().size(),
						(rejected.reasons().size() == 1) ? "reason" : "reasons");
				continue;
			}
			out.printf("REJECTED %s:%n", file);
			// a return's text is quoted in its reasons: escaped, so that it cannot start lines of its own
			rejected.reasons().forEach((reason) -> out.println("    - " + org.s11evaluator.logging.LogValues.escape(reason)));
		}
	}

	private void printAgency(CycleResults.AgencyResult agency, PrintStream out) {
		out.println();
		out.printf("%s%s — completed by %s%s, submitted %s%n", agency.agencyName(), agency.expected() ? "" : " (not on the expected list)",
				agency.completedBy(), (agency.role() != null) ? " (" + agency.role() + ")" : "",
				DAY.format(org.s11evaluator.cycle.AuditCalendar.dayOf(agency.submittedAt())));
		if ("FAILED".equals(agency.status())) {
			out.println("  NOT EVALUATED in the last run: " + firstLine(agency.failure()));
			if (agency.packVersion() == null) {
				return;
			}
			out.println("  Last good results below (rule pack version " + agency.packVersion().substring(0, 12) + "):");
		}
		else if ("NOT_EVALUATED".equals(agency.status())) {
			out.println("  Not evaluated yet.");
			return;
		}
		out.println("  Standards: " + agency.standards().stream().map((s) -> s.standardId() + " " + letter(s.rag())).collect(Collectors.joining("  ")));
		printList("Findings", agency.findings().stream()
			.map((f) -> label(f.itemId(), f.standardId()) + f.message() + "  [" + RulePackCompiler.ruleId(f.rule()) + "]").toList(), out);
		printList("Follow-up actions", agency.followUps().stream()
			.map((a) -> label(a.itemId(), a.standardId()) + "due " + DAY.format(a.due()) + ", owner " + a.owner() + ": " + a.action() + "  ["
					+ RulePackCompiler.ruleId(a.rule()) + "]")
			.toList(), out);
	}

	private static void printList(String heading, List<String> lines, PrintStream out) {
		if (lines.isEmpty()) {
			out.println("  " + heading + ": none");
			return;
		}
		out.println("  " + heading + " (" + lines.size() + "):");
		lines.forEach((line) -> out.println("    - " + line));
	}

	private static String label(String itemId, String standardId) {
		return (itemId != null) ? itemId + " " : (standardId != null) ? "standard " + standardId + " " : "";
	}

	/** G, A, R, N/A or - : a rating that reads without colour. */
	static String letter(String rag) {
		return switch (rag) {
			case "GREEN" -> "G";
			case "AMBER" -> "A";
			case "RED" -> "R";
			case "NOT_APPLICABLE" -> "N/A";
			default -> "-";
		};
	}

	private static String firstLine(String text) {
		return (text == null) ? "" : text.lines().findFirst().orElse(text);
	}

}

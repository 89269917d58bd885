package org.s11evaluator.command;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.s11evaluator.audit.AuditEntry;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.publication.CycleNotClosed;
import org.s11evaluator.publication.CyclePublication;
import org.s11evaluator.reporting.Editions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * The commands of a cycle's record: {@code close-cycle}, {@code reopen-cycle}, {@code verify-edition} and
 * {@code history}. Each returns its exit code: 0 done, 1 refused or failed (saying why).
 */
@Component
class CycleRecordCommands {

	static final String USAGE = """
			  close-cycle --cycle=ID         close a cycle: a final evaluation and rating with the rule-pack version in force,
			                                 then its summary published as the next edition (output/<cycle>/editions/<n>/);
			                                 refused, saying why, while any return is not evaluated by that version
			  reopen-cycle --cycle=ID --reason="..."
			                                 open a closed cycle again (the reason goes on the audit trail); closing it
			                                 again publishes a new edition beside the earlier ones
			  verify-edition --cycle=ID [--edition=N]
			                                 check a published edition (default: the latest) against its manifest
			  history --cycle=ID             everything that happened to a cycle: imports, runs, closing, reopening, retention
			""";

	/** How the command line reads them ({@link CommandLine}). */
	static final List<CommandLine.Spec> SPECS = List.of(
			CommandLine.Spec.of("close-cycle", 0, 0, "close-cycle --cycle=ID", "cycle", CommandLine.Value.TEXT).requiring("cycle"),
			CommandLine.Spec.of("reopen-cycle", 0, 0, "reopen-cycle --cycle=ID --reason=\"...\"", "cycle", CommandLine.Value.TEXT, "reason",
					CommandLine.Value.TEXT).requiring("cycle", "reason"),
			CommandLine.Spec.of("verify-edition", 0, 0, "verify-edition --cycle=ID [--edition=N]", "cycle", CommandLine.Value.TEXT, "edition",
					CommandLine.Value.COUNT).requiring("cycle"),
			CommandLine.Spec.of("history", 0, 0, "history --cycle=ID", "cycle", CommandLine.Value.TEXT).requiring("cycle"));

	private final CyclePublication publication;

	private final Editions editions;

	private final AuditTrail audit;

	private final CycleManagement cycles;

	CycleRecordCommands(CyclePublication publication, Editions editions, AuditTrail audit, CycleManagement cycles) {
		this.publication = publication;
		this.editions = editions;
		this.audit = audit;
		this.cycles = cycles;
	}

	boolean handles(String command) {
		return SPECS.stream().anyMatch((spec) -> spec.name().equals(command));
	}

	/** Runs one of these commands (the command line has been read and its ids checked). */
	int run(String command, ApplicationArguments args, PrintStream out) {
		String cycle = option(args, "cycle").orElseThrow(() -> new IllegalArgumentException(command + " needs --cycle=ID"));
		if (this.cycles.find(cycle).isEmpty()) {
			throw new IllegalArgumentException("No audit cycle '" + cycle + "'");
		}
		return switch (command) {
			case "close-cycle" -> close(cycle, out);
			case "reopen-cycle" -> {
				this.publication.reopen(cycle, option(args, "reason").orElse(null));
				out.println("Reopened cycle " + cycle + ": returns may be imported and runs evaluate it again; close-cycle --cycle=" + cycle
						+ " publishes its next edition.");
				yield 0;
			}
			case "verify-edition" -> verify(cycle, option(args, "edition").map(Integer::parseInt), out);
			default -> history(cycle, out);
		};
	}

	private int close(String cycle, PrintStream out) {
		try {
			CyclePublication.Closed closed = this.publication.close(cycle);
			out.println("Closed cycle " + cycle + ": edition " + closed.edition() + " published in " + closed.folder().toAbsolutePath());
			out.println("  rule pack " + closed.packId() + " version " + closed.packVersion() + " frozen with it; its results, ratings and summary"
					+ " will not change. verify-edition --cycle=" + cycle + " checks its files.");
			return 0;
		}
		catch (CycleNotClosed ex) {
			out.println("NOT CLOSED: " + ex.getMessage());
			return 1;
		}
	}

	private int verify(String cycle, Optional<Integer> edition, PrintStream out) {
		Editions.Verification verification = this.editions.verify(cycle, edition);
		if (verification.intact()) {
			out.println("Edition " + verification.edition() + " of " + cycle + " is intact: " + verification.checked().size()
					+ " file(s) match its manifest (" + String.join(", ", verification.checked()) + ") in " + verification.folder().toAbsolutePath());
			return 0;
		}
		out.println("Edition " + verification.edition() + " of " + cycle + " does NOT match its manifest (" + verification.folder().toAbsolutePath() + "):");
		verification.problems().forEach((problem) -> out.println("  - " + problem));
		return 1;
	}

	private int history(String cycle, PrintStream out) {
		List<AuditEntry> history = this.audit.history(cycle);
		out.println(history.isEmpty() ? "Nothing recorded for cycle " + cycle + " yet." : "History of cycle " + cycle + ", oldest first:");
		history.forEach((entry) -> out.println("  " + entry.line()));
		return 0;
	}

	private static Optional<String> option(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

}

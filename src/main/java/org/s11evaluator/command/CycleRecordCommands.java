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

	/** Runs one of these commands, as the command line read it (its ids checked); returns its exit code. */
	int run(Object options, PrintStream out) {
		String cycle;
		if (options instanceof CommandOptions.CloseCycle close) {
			cycle = close.cycle;
		}
		else if (options instanceof CommandOptions.ReopenCycle reopen) {
			cycle = reopen.cycle;
		}
		else if (options instanceof CommandOptions.VerifyEdition verify) {
			cycle = verify.cycle;
		}
		else if (options instanceof CommandOptions.History history) {
			cycle = history.cycle;
		}
		else {
			throw new IllegalArgumentException("not a command of a cycle's record: " + options);
		}
		if (this.cycles.find(cycle).isEmpty()) {
			throw new IllegalArgumentException("No audit cycle '" + cycle + "'");
		}
		if (options instanceof CommandOptions.CloseCycle) {
			return close(cycle, out);
		}
		if (options instanceof CommandOptions.ReopenCycle reopen) {
			this.publication.reopen(cycle, reopen.reason);
			out.println("Reopened cycle " + cycle + ": returns may be imported and runs evaluate it again; close-cycle --cycle=" + cycle
					+ " publishes its next edition.");
			return 0;
		}
		if (options instanceof CommandOptions.VerifyEdition verify) {
			return verify(cycle, Optional.ofNullable(verify.edition), out);
		}
		return history(cycle, out);
	}

	/** Whether the command line read is one of these commands. */
	static boolean handles(Object options) {
		return options instanceof CommandOptions.CloseCycle || options instanceof CommandOptions.ReopenCycle
				|| options instanceof CommandOptions.VerifyEdition || options instanceof CommandOptions.History;
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


}

package org.s11evaluator.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleClosure;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.evaluation.FinalEvaluation;
import org.s11evaluator.partnershiprating.PartnershipRatings;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.reporting.Editions;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RulePackException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.stereotype.Service;

/**
 * A cycle's lifecycle: closing takes a final evaluation and rating with the rule-pack version in force, checks that
 * every return's results are final under it (or refuses, saying why for each), publishes the summary as the next
 * edition and marks the cycle closed with that version frozen: no run evaluates, rates or summarises it again, and
 * no return is imported into it. Reopening, with a reason, opens it again; closing it again publishes a new edition
 * beside the earlier ones. Every step is on the audit trail.
 */
@Service
public class CyclePublication {

	private final CycleManagement cycles;

	private final EvaluationManagement evaluation;

	private final PartnershipRatings ratings;

	private final FinalEvaluation finalEvaluation;

	private final PublishedPacks packs;

	private final Editions editions;

	private final AuditTrail audit;

	private final Clock clock;

	CyclePublication(CycleManagement cycles, EvaluationManagement evaluation, PartnershipRatings ratings, FinalEvaluation finalEvaluation,
			PublishedPacks packs, Editions editions, AuditTrail audit, Clock clock) {
		this.cycles = cycles;
		this.evaluation = evaluation;
		this.ratings = ratings;
		this.finalEvaluation = finalEvaluation;
		this.packs = packs;
		this.editions = editions;
		this.audit = audit;
		this.clock = clock;
	}

	/** A cycle closed: the edition published and the rule-pack version frozen with it. */
	public record Closed(String cycleId, int edition, String packId, String packVersion, java.nio.file.Path folder) {
	}

	/** Closes an open cycle (see the class); throws {@link CycleNotClosed} with every reason when it cannot. */
	public Closed close(String cycleId) {
		Cycle cycle = this.cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		CycleClosure state = this.cycles.closure(cycleId).orElseThrow();
		if (state.isClosed()) {
			throw new CycleNotClosed("Cycle " + cycleId + " is closed already (edition " + state.latestEdition() + ", closed " + state.closedAt()
					+ " UTC); " + CycleClosure.howToReopen(cycleId), List.of());
		}
		String version;
		try {
			version = this.packs.usable(cycle.packId()).pack().version();
		}
		catch (RulePackException ex) {
			throw refused(cycleId, List.of(oneLine(ex.getMessage())));
		}
		JobExecution run = this.evaluation.evaluateCycle(cycleId);
		if (run.getStatus() != BatchStatus.COMPLETED) {
			List<String> reasons = new ArrayList<>(List.of("the final evaluation run " + run.getId() + " ended " + run.getStatus()));
			reasons.addAll(RunReports.reasons(run));
			throw refused(cycleId, reasons);
		}
		// from here to the cycle marked closed no run may change its results: the lock every run takes is held
		return this.evaluation.withoutRuns(() -> freeze(cycle, version));
	}

	private Closed freeze(Cycle cycle, String version) {
		String cycleId = cycle.id();
		try {
			this.ratings.rate(cycleId);
		}
		catch (RulePackException ex) {
			throw refused(cycleId, List.of("the partnership could not be rated: " + oneLine(ex.getMessage())));
		}
		// a cycle judged by several templates: each return by the version in force of its own template
		List<String> problems = this.finalEvaluation.problems(cycleId, (pack) -> pack.equals(cycle.packId()) ? version
				: this.packs.usable(pack).pack().version(), this.ratings.ratedByVersions(cycleId));
		if (!problems.isEmpty()) {
			throw refused(cycleId, problems);
		}
		Editions.Published published = this.editions.publish(cycleId, cycle.packId(), version, LocalDate.now(this.clock), this.audit.operator());
		if (!this.cycles.markClosed(cycleId, LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), version, published.edition())) {
			throw new CycleNotClosed("Cycle " + cycleId + " was closed by someone else meanwhile; edition " + published.edition()
					+ " was published but is not its latest", List.of());
		}
		this.audit.record(cycleId, AuditAction.CLOSED, "edition " + published.edition(), "rule pack " + cycle.packId() + " version " + version
				+ " frozen; published in " + published.folder().toAbsolutePath(), null);
		return new Closed(cycleId, published.edition(), cycle.packId(), version, published.folder());
	}

	/** Reopens a closed cycle, for the reason given (required); its editions stay as they are. */
	public void reopen(String cycleId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("reopen-cycle needs --reason=\"...\": why the cycle's published record is to be changed"
					+ " (it is kept on the audit trail)");
		}
		CycleClosure state = this.cycles.closure(cycleId)
			.orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		if (!state.isClosed()) {
			throw new IllegalArgumentException("Cycle " + cycleId + " is open, not closed: there is nothing to reopen");
		}
		if (!this.cycles.markReopened(cycleId)) {
			throw new IllegalStateException("Cycle " + cycleId + " was reopened by someone else meanwhile");
		}
		this.audit.record(cycleId, AuditAction.REOPENED, "after edition " + state.latestEdition(), "open again: returns may be imported and runs"
				+ " evaluate it; closing it again publishes edition " + (state.latestEdition() + 1), reason.strip());
	}

	private static String oneLine(String message) {
		return message.lines().map(String::strip).filter((line) -> !line.isEmpty()).reduce((a, b) -> a + " " + b).orElse("");
	}

	private CycleNotClosed refused(String cycleId, List<String> reasons) {
		this.audit.record(cycleId, AuditAction.CLOSE_REFUSED, "cycle " + cycleId, String.join("; ", reasons), null);
		return new CycleNotClosed("Cycle " + cycleId + " was not closed; it is open, as it was", reasons);
	}

}

package org.s11evaluator.monitoring;

import java.time.LocalDateTime;
import java.util.Optional;

import org.s11evaluator.runs.RunReport;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.submission.StoredReturns;
import org.springframework.stereotype.Component;

/**
 * What health and metrics need to know about past runs, read from the run reports the job stores, so they
 * survive a restart of the service and include runs made by the one-shot {@code evaluate} command.
 */
@Component
class RunHistory {

	private final RunReports reports;

	private final CycleQueries cycles;

	private final StoredReturns returns;

	RunHistory(RunReports reports, CycleQueries cycles, StoredReturns returns) {
		this.reports = reports;
		this.cycles = cycles;
		this.returns = returns;
	}

	/** The latest run that ended, whatever its outcome. */
	Optional<RunReport> last() {
		return this.reports.recent(1).stream().findFirst();
	}

	/** When the latest completed run ended, in the job's own time (the JVM's zone). */
	Optional<LocalDateTime> lastSuccessEndedAt() {
		return this.reports.lastCompletedEndedAt();
	}

	/**
	 * Returns in open cycles with no results for their current version: new, corrected since, or never
	 * evaluated successfully. Returns whose rule pack changed are left out: knowing that means reading and
	 * hashing every pack, too much for each scrape.
	 */
	long awaitingEvaluation() {
		return this.returns.withoutCurrentResults(this.cycles.openIds());
	}

}

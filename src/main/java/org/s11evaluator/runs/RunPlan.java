package org.s11evaluator.runs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.s11evaluator.changes.ChangedCycles;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.evaluation.EvaluationWork;
import org.s11evaluator.logging.LogValues;
import org.s11evaluator.reporting.CycleSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.stereotype.Component;

/**
 * What a run has to do, decided before its steps are started, so that a step with nothing to do is not started: the
 * evaluation step only when some partnership has returns to evaluate, the ratings step only when some cycle's inputs
 * changed since its summary, the summaries step only then or when a summary on disk is damaged. Retention always runs.
 * What was decided, and why, is logged and kept in the run's context ({@link #DECIDED}), so that the run's record
 * says what it left out; a step that ran and did not complete still fails the run, as before.
 */
@Component
class RunPlan {

	private static final Logger log = LoggerFactory.getLogger(RunPlan.class);

	/** Job execution context key: what the run decided not to start, and why. */
	static final String DECIDED = "run.notStarted";

	static final FlowExecutionStatus EVALUATE = new FlowExecutionStatus("EVALUATE");

	static final FlowExecutionStatus RATE = new FlowExecutionStatus("RATE");

	static final FlowExecutionStatus SUMMARISE = new FlowExecutionStatus("SUMMARISE");

	static final FlowExecutionStatus NOTHING = new FlowExecutionStatus("NOTHING_TO_DO");

	private final EvaluationWork evaluation;

	private final ChangedCycles changes;

	private final CycleSummaries summaries;

	private final Clock clock;

	RunPlan(EvaluationWork evaluation, ChangedCycles changes, CycleSummaries summaries, Clock clock) {
		this.evaluation = evaluation;
		this.changes = changes;
		this.summaries = summaries;
		this.clock = clock;
	}

	/** Before the evaluation step: {@link #EVALUATE} when some partnership in scope has returns to evaluate. */
	JobExecutionDecider evaluation() {
		return (job, step) -> {
			List<String> partnerships = this.evaluation.partnerships(scope(job), job.getJobParameters().getString(EvaluationSteps.MODE_PARAMETER),
					job.getId());
			if (!partnerships.isEmpty()) {
				return EVALUATE;
			}
			notStarted(job, EvaluationSteps.EVALUATE_STEP + " (no return in scope is new or changed, and no pack changed)");
			return NOTHING;
		};
	}

	/**
	 * After the evaluation: {@link #RATE} when some cycle's inputs changed (its ratings and summary are made again),
	 * {@link #SUMMARISE} when only summaries on disk are damaged, otherwise {@link #NOTHING}. The inputs read here are
	 * the run's: the steps started after use them again ({@link ChangedCycles#consider}).
	 */
	JobExecutionDecider changes(String ratingStep, String summaryStep) {
		return (job, step) -> {
			LocalDate asOf = LocalDate.now(this.clock);
			ChangedCycles.Considered changed = this.changes.consider(scope(job), asOf, (cycleId) -> true, job.getId());
			job.getExecutionContext().putInt(ChangedCycles.CYCLES_READ, changed.cyclesRead());
			if (!changed.changed().isEmpty()) {
				return RATE;
			}
			notStarted(job, ratingStep + " (no cycle's inputs changed since its summary)");
			if (!this.changes.consider(scope(job), asOf, this.summaries.intactInScope(scope(job)), job.getId()).changed().isEmpty()) {
				return SUMMARISE;
			}
			notStarted(job, summaryStep + " (no cycle's inputs changed, and every summary on disk is intact)");
			return NOTHING;
		};
	}

	/** What the run decided not to start, as recorded in its context, or an empty list. */
	static List<String> notStarted(JobExecution job) {
		String decided = job.getExecutionContext().containsKey(DECIDED) ? job.getExecutionContext().getString(DECIDED) : "";
		return decided.isEmpty() ? List.of() : List.of(decided.split("; "));
	}

	private static void notStarted(JobExecution job, String what) {
		String before = job.getExecutionContext().containsKey(DECIDED) ? job.getExecutionContext().getString(DECIDED) : "";
		job.getExecutionContext().putString(DECIDED, before.isEmpty() ? what : before + "; " + what);
		log.info("Not started: {}", LogValues.escape(what));
	}

	private static String scope(JobExecution job) {
		return job.getJobParameters().getString(EvaluationSteps.CYCLE_PARAMETER);
	}

}

package org.s11evaluator.evaluation;

/**
 * The names other modules use to reach the evaluation steps of {@code evaluateCycleJob}: the steps' bean and step
 * names, the job parameters they read and the step context keys they write. One place, so that no other module
 * repeats the strings (the run module builds the job and launches it with these parameters; remote partitioning
 * runs the partnership step on workers; the rating and summary steps read the run's scope).
 */
public final class EvaluationSteps {

	/** The partitioned step that evaluates the returns in scope, one partition per partnership (bean and step name). */
	public static final String EVALUATE_STEP = "evaluateSubmissionsStep";

	/** The step that evaluates one partnership's returns (bean name; its executions are named {@code evaluatePartnershipStep:<id>}). */
	public static final String PARTNERSHIP_STEP = "evaluatePartnershipStep";

	/** Job parameter: the cycle in scope, {@code partnerships:a,b}, or {@link #ALL_OPEN_CYCLES}. */
	public static final String CYCLE_PARAMETER = "cycle";

	/** Job parameter: {@link #MODE_ALL} or {@link #MODE_CHANGED}. */
	public static final String MODE_PARAMETER = "mode";

	/** Job parameter {@code mode}: {@code all} evaluates every return in scope. */
	public static final String MODE_ALL = "all";

	/** Job parameter {@code mode}: only the returns without current results. */
	public static final String MODE_CHANGED = "changed";

	/** Job parameter {@code cycle}: every open cycle. */
	public static final String ALL_OPEN_CYCLES = SubmissionScope.ALL_OPEN_CYCLES;

	/** Step execution context key of a partition: the partnership it evaluates. */
	public static final String PARTNERSHIP = PartnershipPartitioner.PARTNERSHIP;

	/** Step execution context key of a partition: the first rule budget a pack went past, if any. */
	public static final String BUDGET_BREACH = RunBudgetBreaches.BREACH;

	/** The setting that moves the partnerships' evaluation to workers (remote partitioning) instead of local threads. */
	public static final String REMOTE_ENABLED = "s11.evaluation.remote.enabled";

	private EvaluationSteps() {
	}

}

package org.s11evaluator.runs;

import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.evaluation.RunBudgetBreaches;
import org.s11evaluator.partnershiprating.PartnershipRatingStepConfiguration;
import org.s11evaluator.reporting.SummaryStepConfiguration;
import org.s11evaluator.retention.RetentionStepConfiguration;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code evaluateCycleJob}: the evaluation of the returns in scope ({@code evaluation.EvaluationJobConfiguration},
 * on this machine's threads or on workers), then the partnership-wide ratings, the board summaries and retention,
 * with the run's listeners (heartbeats, run report, rule budgets, audit trail). Each step is owned by its module and
 * named by that module's constant.
 *
 * <pre>
 * any returns to evaluate? ─yes▶ evaluateSubmissionsStep ─┐
 *                          └─no──────────────────────────┴▶ any cycle's inputs changed? ─yes▶ ratePartnershipsStep ─▶ summariseCyclesStep ─┐
 *                                                            ├─only a summary on disk damaged▶ summariseCyclesStep ─────────────────────┤
 *                                                            └─no────────────────────────────────────────────────────────────────────────┴▶ applyRetentionStep
 *    ─▶ the run fails unless every partition and step it started COMPLETED
 * </pre>
 * A step with nothing to do is decided away before it starts ({@link RunPlan}); what was not started, and why, is in
 * the run's context and log.
 */
@Configuration(proxyBeanMethods = false)
class RunJobConfiguration {

	static final String JOB_NAME = "evaluateCycleJob";

	@Bean
	Job evaluateCycleJob(JobRepository jobs, @Qualifier(EvaluationSteps.EVALUATE_STEP) Step evaluateSubmissionsStep,
			@Qualifier(PartnershipRatingStepConfiguration.RATE_STEP) Step ratePartnershipsStep,
			@Qualifier(SummaryStepConfiguration.SUMMARISE_STEP) Step summariseCyclesStep,
			@Qualifier(RetentionStepConfiguration.RETENTION_STEP) Step applyRetentionStep, RunReports runReports, RunBudgetBreaches breaches,
			RunHeartbeats heartbeats, EvaluationAudit audit, RunPlan plan) {
		JobExecutionDecider outcome = (job, step) -> (unfinished(job) | budgetExceeded(job)) ? new FlowExecutionStatus("FAILED")
				: FlowExecutionStatus.COMPLETED;
		JobExecutionDecider toEvaluate = plan.evaluation();
		JobExecutionDecider changed = plan.changes(PartnershipRatingStepConfiguration.RATE_STEP, SummaryStepConfiguration.SUMMARISE_STEP);
		return new JobBuilder(JOB_NAME, jobs).listener(heartbeats).listener(runReports).listener(breaches).listener(audit)
			.start(toEvaluate).on(RunPlan.EVALUATE.getName()).to(evaluateSubmissionsStep)
			.from(toEvaluate).on("*").to(changed)
			.from(evaluateSubmissionsStep).on("*").to(changed)
			.from(changed).on(RunPlan.RATE.getName()).to(ratePartnershipsStep)
			.from(changed).on(RunPlan.SUMMARISE.getName()).to(summariseCyclesStep)
			.from(changed).on("*").to(applyRetentionStep)
			.from(ratePartnershipsStep).on("*").to(summariseCyclesStep)
			.from(summariseCyclesStep).on("*").to(applyRetentionStep)
			.from(applyRetentionStep).on("*").to(outcome)
			.from(outcome).on("FAILED").fail()
			.from(outcome).on("*").end()
			.end()
			.build();
	}

	/**
	 * Anything the run was asked for that did not complete (a partnership's part FAILED, or UNKNOWN because its
	 * outcome could not be recorded while the database was away, a step STOPPED or ABANDONED) fails the run,
	 * with what did not complete as its reason: counting only FAILED once recorded such runs as COMPLETED.
	 */
	private static boolean unfinished(org.springframework.batch.core.JobExecution job) {
		java.util.List<String> unfinished = RunOutcome.unfinished(job);
		if (!unfinished.isEmpty()) {
			job.addFailureException(new IllegalStateException("not everything completed: " + String.join("; ", unfinished)
					+ ". Nothing already committed is lost; run it again to complete it"));
		}
		return !unfinished.isEmpty();
	}

	/**
	 * A pack that went past a budget fails the run (after the other packs' returns are evaluated, rated and
	 * summarised), so that it is looked at; the run's failure names the pack, the budget and the rule.
	 */
	private static boolean budgetExceeded(org.springframework.batch.core.JobExecution job) {
		java.util.Set<String> breaches = new java.util.TreeSet<>();
		job.getStepExecutions().stream()
			.filter((s) -> s.getExecutionContext().containsKey(EvaluationSteps.BUDGET_BREACH))
			.forEach((s) -> breaches.add(s.getExecutionContext().getString(EvaluationSteps.BUDGET_BREACH)));
		breaches.forEach((breach) -> job.addFailureException(new IllegalStateException(breach
				+ ": its returns were not evaluated and the run is FAILED; fix the rule, check it with 'rules test', and run again")));
		return !breaches.isEmpty();
	}

}

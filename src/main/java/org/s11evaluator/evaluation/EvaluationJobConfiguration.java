package org.s11evaluator.evaluation;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.submission.StoredSubmissions;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingItemSkipPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The evaluation steps of {@code evaluateCycleJob} (the job itself is built by {@code runs.RunJobConfiguration}): the
 * returns in scope are evaluated partnership by partnership, several partnerships at a time ({@code threads}); then
 * the job goes on to the partnership-wide ratings of each cycle whose results changed
 * ({@code partnershiprating.PartnershipRatingStepConfiguration}) and their board summaries ({@code reporting.SummaryStepConfiguration}).
 *
 * <pre>
 * evaluateSubmissionsStep ── one partition per partnership with work, on N threads:
 *    returns, a page at a time with their facts ─▶ SubmissionEvaluator (Drools) ─▶ EvaluationResultWriter
 *                                                      │ fails
 *                                                      ▼
 *                                     skipped, reason recorded (EvaluationFailureRecorder)
 * ratePartnershipsStep ─▶ summariseCyclesStep ─▶ applyRetentionStep (retention.RetentionStepConfiguration)
 *    ─▶ the run fails unless every partition and step COMPLETED
 * </pre>
 *
 * A partnership whose evaluation fails (past the skip limit, say) does not stop the others: they finish, are
 * rated and summarised, and the run then ends FAILED; the next run restarts only that partnership.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationJobConfiguration {

	static final String EVALUATE_STEP = EvaluationSteps.EVALUATE_STEP;

	static final String PARTNERSHIP_STEP = EvaluationSteps.PARTNERSHIP_STEP;

	static final String MODE_ALL = EvaluationSteps.MODE_ALL;

	/** Partnerships evaluated on this machine's threads; with remote partitioning on, by workers instead ({@code partitioning.RemotePartitioningConfiguration}). */
	@Bean(EvaluationSteps.EVALUATE_STEP)
	@ConditionalOnProperty(name = EvaluationSteps.REMOTE_ENABLED, havingValue = "false", matchIfMissing = true)
	Step evaluateSubmissionsStep(JobRepository jobs, Step evaluatePartnershipStep, PartnershipPartitioner partitioner,
			EvaluationSettings settings, EvaluationProgress evaluationProgress) {
		// not a bean (Spring Boot would take it for the application's own executor); daemon threads, so an
		// idle pool never keeps a finished command's JVM alive
		ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
		threads.setCorePoolSize(settings.threads());
		threads.setMaxPoolSize(settings.threads());
		threads.setThreadNamePrefix("evaluation-");
		threads.setDaemon(true);
		threads.initialize();
		return new StepBuilder(EVALUATE_STEP, jobs).partitioner(PARTNERSHIP_STEP, partitioner)
			.step(evaluatePartnershipStep)
			.gridSize(settings.threads())
			.taskExecutor(threads)
			.listener((StepExecutionListener) evaluationProgress)
			.build();
	}

	@Bean(EvaluationSteps.PARTNERSHIP_STEP)
	Step evaluatePartnershipStep(JobRepository jobs, PlatformTransactionManager transactions, EvaluationSettings settings,
			SubmissionsToEvaluateReader submissionsToEvaluate, SubmissionEvaluator submissionEvaluator,
			EvaluationResultWriter evaluationResultWriter, JdbcClient jdbc, JdbcTemplate submissionsTable, EvaluationProgress evaluationProgress,
			Clock clock) {
		return new StepBuilder(PARTNERSHIP_STEP, jobs)
			.<SubmissionToEvaluate, EvaluatedSubmission>chunk(settings.chunkSize(), transactions)
			.reader(submissionsToEvaluate)
			.processor(submissionEvaluator)
			.writer(evaluationResultWriter)
			.faultTolerant()
			.skipPolicy(skipPolicy(settings))
			// a return that fails evaluation is skipped without undoing the chunk, so its failure record is kept
			// even when every return of the chunk failed (as when one broken pack's returns are all that changed)
			.noRollback(EvaluationFailedException.class)
			// two partnerships' writes colliding on a lock: the chunk is simply tried again
			.retry(PessimisticLockingFailureException.class)
			.retryLimit(3)
			.listener(new EvaluationFailureRecorder(jdbc, submissionsTable, clock))
			.listener((ChunkListener) evaluationProgress.partition())
			.listener((StepExecutionListener) evaluationProgress.partition())
			.build();
	}

	/**
	 * Returns judged by a broken pack are always skipped (they keep their last good results); other returns
	 * that fail evaluation are skipped up to the skip limit (per partnership), beyond which that partnership's
	 * part of the run fails.
	 */
	private static SkipPolicy skipPolicy(EvaluationSettings settings) {
		LimitCheckingItemSkipPolicy limited = new LimitCheckingItemSkipPolicy(settings.skipLimit(), Map.of(EvaluationFailedException.class, true));
		return (failure, skipCount) -> (failure instanceof EvaluationFailedException && failure.getCause() instanceof org.s11evaluator.rules.RulePackException)
				|| limited.shouldSkip(failure, skipCount);
	}

	@Bean
	@StepScope
	PartnershipPartitioner partnershipPartitioner(EvaluationWork work, @Value("#{jobParameters['" + EvaluationSteps.CYCLE_PARAMETER + "']}") String cycle,
			@Value("#{jobParameters['" + EvaluationSteps.MODE_PARAMETER + "']}") String mode,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
		return new PartnershipPartitioner(work, cycle, !MODE_ALL.equals(mode), jobExecutionId);
	}

	@Bean
	@StepScope
	SubmissionsToEvaluateReader submissionsToEvaluate(org.s11evaluator.submission.ReturnsToEvaluate returns, EvaluationWork work,
			StoredSubmissions submissions, EvaluationSettings settings,
			@Value("#{jobParameters['" + EvaluationSteps.CYCLE_PARAMETER + "']}") String cycle, @Value("#{jobParameters['" + EvaluationSteps.MODE_PARAMETER + "']}") String mode,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
			@Value("#{stepExecutionContext['" + PartnershipPartitioner.PARTNERSHIP + "']}") String partnership, PageInHand pageInHand) {
		return new SubmissionsToEvaluateReader(returns, submissions, work.scope(cycle, !MODE_ALL.equals(mode), jobExecutionId, partnership),
				settings.chunkSize(), pageInHand);
	}

	/** The page a partition's reader last read, which its processor evaluates in batches: one per partition. */
	@Bean
	@StepScope
	PageInHand pageInHand() {
		return new PageInHand();
	}

	@Bean
	@StepScope
	SubmissionEvaluator submissionEvaluator(PublishedPacks packs, RuleEngine engine, RunBudgetBreaches breaches,
			@Value("#{stepExecution}") org.springframework.batch.core.StepExecution partition, Clock clock, PageInHand pageInHand) {
		return new SubmissionEvaluator(packs, engine, breaches, partition, clock, pageInHand);
	}

	@Bean
	@StepScope
	EvaluationResultWriter evaluationResultWriter(JdbcTemplate jdbc, ObjectMapper json,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
		return new EvaluationResultWriter(jdbc, json, jobExecutionId);
	}

	@Bean
	EvaluationProgress evaluationProgress(EvaluationWork work) {
		return new EvaluationProgress(work);
	}

}

package org.s11evaluator.evaluation;

import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.StoredSubmissions;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingItemSkipPolicy;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.Order;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code evaluateCycleJob}: a chunk-oriented step that reads a cycle's returns (or those of every open
 * cycle), evaluates each with its partnership's rule pack and replaces its stored results; then the
 * partnership-wide ratings of each cycle ({@link PartnershipRatingStepConfiguration}) and the board
 * summaries ({@code reporting.SummaryStepConfiguration}).
 *
 * <pre>
 * submission (paging reader, by id) ─▶ SubmissionEvaluator (Drools) ─▶ EvaluationResultWriter
 *                                           │ fails
 *                                           ▼
 *                              skipped, reason recorded (EvaluationFailureRecorder)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
class EvaluationJobConfiguration {

	static final String JOB_NAME = "evaluateCycleJob";

	static final String ALL_OPEN_CYCLES = SubmissionScope.ALL_OPEN_CYCLES;

	/** Job parameter {@code mode}: {@code all} evaluates every return in scope; otherwise only those without current results. */
	static final String MODE_ALL = "all";

	@Bean
	Job evaluateCycleJob(JobRepository jobs, Step evaluateSubmissionsStep, Step ratePartnershipsStep, Step summariseCyclesStep,
			RunReports runReports) {
		return new JobBuilder(JOB_NAME, jobs).listener(runReports)
			.start(evaluateSubmissionsStep)
			.next(ratePartnershipsStep)
			.next(summariseCyclesStep)
			.build();
	}

	@Bean
	Step evaluateSubmissionsStep(JobRepository jobs, PlatformTransactionManager transactions, EvaluationSettings settings,
			JdbcPagingItemReader<SubmissionToEvaluate> submissionsToEvaluate, SubmissionEvaluator submissionEvaluator,
			EvaluationResultWriter evaluationResultWriter, JdbcClient jdbc, EvaluationProgress evaluationProgress) {
		return new StepBuilder("evaluateSubmissionsStep", jobs)
			.<SubmissionToEvaluate, EvaluatedSubmission>chunk(settings.chunkSize(), transactions)
			.reader(submissionsToEvaluate)
			.processor(submissionEvaluator)
			.writer(evaluationResultWriter)
			.faultTolerant()
			.skipPolicy(skipPolicy(settings))
			// a return that fails evaluation is skipped without undoing the chunk, so its failure record is kept
			// even when every return of the chunk failed (as when one broken pack's returns are all that changed)
			.noRollback(EvaluationFailedException.class)
			.listener(new EvaluationFailureRecorder(jdbc))
			.listener((org.springframework.batch.core.StepExecutionListener) evaluationProgress)
			.listener((org.springframework.batch.core.ChunkListener) evaluationProgress)
			.build();
	}

	/**
	 * Returns of a partnership whose pack is broken are always skipped (they keep their last good results);
	 * other returns that fail evaluation are skipped up to the skip limit, beyond which the run fails.
	 */
	private static org.springframework.batch.core.step.skip.SkipPolicy skipPolicy(EvaluationSettings settings) {
		LimitCheckingItemSkipPolicy limited = new LimitCheckingItemSkipPolicy(settings.skipLimit(), Map.of(EvaluationFailedException.class, true));
		return (failure, skipCount) -> (failure instanceof EvaluationFailedException && failure.getCause() instanceof org.s11evaluator.rules.RulePackException)
				|| limited.shouldSkip(failure, skipCount);
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<SubmissionToEvaluate> submissionsToEvaluate(DataSource dataSource, EvaluationSettings settings, RulePacks packs,
			@Value("#{jobParameters['cycle']}") String cycle, @Value("#{jobParameters['mode']}") String mode) {
		boolean changedOnly = !MODE_ALL.equals(mode);
		SubmissionScope.Where where = SubmissionScope.of(cycle, changedOnly, packs);
		return new JdbcPagingItemReaderBuilder<SubmissionToEvaluate>().name("submissionsToEvaluate")
			// Selecting only returns without current results, a restarted run simply asks again: whatever was
			// committed before the crash is no longer selected. No saved position, so a restart with another
			// chunk size cannot skip anything. A restarted full (--all) run starts over: complete, and its
			// writes replace rather than duplicate.
			.saveState(false)
			.dataSource(dataSource)
			.selectClause("select id, version, cycle_id, partnership_id")
			.fromClause("from " + SubmissionScope.SUBMISSIONS)
			.whereClause(where.sql())
			.parameterValues(where.parameters())
			.sortKeys(Map.of("id", Order.ASCENDING))
			.rowMapper(new DataClassRowMapper<>(SubmissionToEvaluate.class))
			.pageSize(settings.chunkSize())
			.build();
	}

	@Bean
	@StepScope
	SubmissionEvaluator submissionEvaluator(PublishedPacks packs, RuleEngine engine, StoredSubmissions submissions) {
		return new SubmissionEvaluator(packs, engine, submissions);
	}

	@Bean
	@StepScope
	EvaluationResultWriter evaluationResultWriter(JdbcTemplate jdbc, ObjectMapper json,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
		return new EvaluationResultWriter(jdbc, json, jobExecutionId);
	}

	@Bean
	EvaluationProgress evaluationProgress(JdbcClient jdbc, RulePacks packs) {
		return new EvaluationProgress(jdbc, packs);
	}

}

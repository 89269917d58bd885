package org.s11evaluator.partnershiprating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.s11evaluator.changes.ChangedCycles;
import org.s11evaluator.changes.ParallelCycles;
import org.s11evaluator.evaluation.EvaluationSettings;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code ratePartnershipsStep}: after the returns are evaluated, each cycle in scope whose inputs changed
 * ({@link ChangedCycles}) is rated for the whole partnership by its pack's threshold rules. A broken pack
 * leaves that cycle's last ratings in place. Run again on a restart, after the restarted evaluation.
 */
@Configuration(proxyBeanMethods = false)
public class PartnershipRatingStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PartnershipRatingStepConfiguration.class);

	/** The step (bean and step name). */
	public static final String RATE_STEP = "ratePartnershipsStep";

	/** Job execution context key: ids of the cycles this run could not rate. */
	public static final String NOT_RATED = "ratings.notRated";

	/** The step's exit code when some cycles could not be rated for a broken pack (their ids in its description). */
	public static final String BROKEN_PACKS = "COMPLETED_WITH_BROKEN_PACKS";

	@Bean(RATE_STEP)
	Step ratePartnershipsStep(JobRepository jobs, PlatformTransactionManager transactions, ChangedCycles changedCycles,
			PartnershipRatings ratings, EvaluationSettings settings, Clock clock) {
		return new StepBuilder(RATE_STEP, jobs).allowStartIfComplete(true).tasklet((contribution, chunk) -> {
			String scope = chunk.getStepContext().getStepExecution().getJobParameters().getString(EvaluationSteps.CYCLE_PARAMETER);
			Map<String, RuntimeException> broken = ParallelCycles.forEach("Partnership ratings", changedCycles.consider(scope, LocalDate.now(clock), (cycleId) -> true,
					chunk.getStepContext().getStepExecution().getJobExecutionId()).changed(),
					settings.threads(), (changed) -> {
						int rated = ratings.rate(changed.cycle().id()).partnershipRatings().size();
						log.info("Rated {} standards and items partnership-wide for {}", rated, LogValues.escape(changed.cycle().id()));
					});
			// a broken pack, or rules that fail on a cycle's counts: that cycle keeps its last ratings
			broken.forEach((cycle, ex) -> log.error("Partnership ratings of {} not updated; the last ones are kept. {}", LogValues.escape(cycle),
					LogValues.escape(firstLine(ex))));
			// the summary step will not mark these cycles as up to date, so the next run rates them again
			chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
				.put(NOT_RATED, new java.util.ArrayList<>(broken.keySet()));
			if (!broken.isEmpty()) {
				contribution.setExitStatus(new ExitStatus(BROKEN_PACKS, broken.entrySet().stream()
					.map((entry) -> entry.getKey() + " not rated (" + firstLine(entry.getValue()) + ")")
					.collect(java.util.stream.Collectors.joining("; "))));
			}
			return RepeatStatus.FINISHED;
		}, transactions).build();
	}

	/** One line for a report: a pack's message starts with the pack, its first problem and how many more. */
	private static String firstLine(RuntimeException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.lines().findFirst().orElse(message);
	}

}

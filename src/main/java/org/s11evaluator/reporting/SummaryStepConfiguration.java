package org.s11evaluator.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.s11evaluator.changes.ChangedCycles;
import org.s11evaluator.changes.ParallelCycles;
import org.s11evaluator.evaluation.EvaluationSettings;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.partnershiprating.PartnershipRatingStepConfiguration;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code summariseCyclesStep}: writes the board summary of every cycle in scope whose inputs changed
 * ({@link ChangedCycles}), several at a time. A cycle whose summary cannot be written does not stop the
 * others; the step then fails, in plain words per cycle (the folder and the cause: read-only, disk full), so the
 * run ends FAILED with that reason in its report, and the next run tries it again. A cycle whose summary on disk
 * does not match its manifest counts as changed. Run again on a restart.
 */
@Configuration(proxyBeanMethods = false)
public class SummaryStepConfiguration {

	/** The step (bean and step name). */
	public static final String SUMMARISE_STEP = "summariseCyclesStep";

	/** Step execution context key under which the step counts the summaries it wrote. */
	public static final String SUMMARIES_WRITTEN = "summaries.written";

	private static final Logger log = LoggerFactory.getLogger(SummaryStepConfiguration.class);

	@Bean(SUMMARISE_STEP)
	Step summariseCyclesStep(JobRepository jobs, PlatformTransactionManager transactions, ChangedCycles changedCycles,
			CycleSummaries summaries, EvaluationSettings settings, Clock clock) {
		return new StepBuilder(SUMMARISE_STEP, jobs).allowStartIfComplete(true).tasklet((contribution, chunk) -> {
			String scope = chunk.getStepContext().getStepExecution().getJobParameters().getString(EvaluationSteps.CYCLE_PARAMETER);
			LocalDate asOf = LocalDate.now(clock);
			ChangedCycles.Considered considered = changedCycles.consider(scope, asOf, summaries.intactInScope(scope),
					chunk.getStepContext().getStepExecution().getJobExecutionId());
			List<ChangedCycles.Changed> changed = considered.changed();
			chunk.getStepContext().getStepExecution().getExecutionContext().putInt(ChangedCycles.CYCLES_READ, considered.cyclesRead());
			log.info("Summarising {} cycle(s) whose results changed (inputs of {} cycle(s) read)", changed.size(), considered.cyclesRead());
			AtomicInteger written = new AtomicInteger();
			java.util.concurrent.atomic.AtomicReference<SummaryFigures> figures = new java.util.concurrent.atomic.AtomicReference<>(
					new SummaryFigures(0, 0, 0, 0, 0, 0, 0));
			long started = System.nanoTime();
			Object notRated = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
				.get(PartnershipRatingStepConfiguration.NOT_RATED);
			Map<String, RuntimeException> failed = ParallelCycles.forEach("Summaries", changed, settings.threads(), (cycle) -> {
				CycleSummaries.Written summary = summaries.summarise(cycle.cycle().id(), asOf, false, cycle.fingerprint());
				written.addAndGet(summary.changed() ? 1 : 0);
				CycleSummaries.Timings took = summary.took();
				SummaryFigures one = new SummaryFigures(summary.changed() ? 1 : 0, 0, took.model(), took.html(), took.pdf(), took.files(), took.pages());
				figures.accumulateAndGet(one, SummaryFigures::plus);
				if (!(notRated instanceof java.util.Collection<?> cycles && cycles.contains(cycle.cycle().id()))) {
					changedCycles.summarised(cycle); // up to date, unless its partnership rating failed: then tried again next run
				}
			});
			failed.forEach((cycle, ex) -> {
				// one plain line per cycle (which folder, what cause); the trace only for whoever asks for DEBUG
				log.error("The summary of {} could not be written: {}; its previous files are as they were",
						LogValues.escape(cycle), LogValues.escape(ex.getMessage()));
				log.debug("The summary of {} could not be written", LogValues.escape(cycle), ex);
			});
			chunk.getStepContext().getStepExecution().getExecutionContext().putInt(SUMMARIES_WRITTEN, written.get());
			figures.get().plus(new SummaryFigures(0, System.nanoTime() - started, 0, 0, 0, 0, 0))
				.write(chunk.getStepContext().getStepExecution().getExecutionContext());
			if (!failed.isEmpty()) {
				throw new SummariesNotWritten(failed);
			}
			return RepeatStatus.FINISHED;
		}, transactions).build();
	}

}

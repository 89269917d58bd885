package org.s11evaluator.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleManagement;
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
 * {@code summariseCyclesStep}: writes the board summary of every cycle in scope whose content changed. A
 * cycle whose summary cannot be written does not stop the others; the step then fails so the run can be
 * restarted for it.
 */
@Configuration(proxyBeanMethods = false)
class SummaryStepConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SummaryStepConfiguration.class);

	@Bean
	Step summariseCyclesStep(JobRepository jobs, PlatformTransactionManager transactions, CycleManagement cycles,
			CycleSummaries summaries, Clock clock) {
		return new StepBuilder("summariseCyclesStep", jobs).tasklet((contribution, chunk) -> {
			String scope = chunk.getStepContext().getStepExecution().getJobParameters().getString("cycle");
			Map<String, String> failed = new LinkedHashMap<>();
			int written = 0;
			for (Cycle cycle : cycles.inScope(scope)) {
				try {
					written += summaries.summarise(cycle.id(), LocalDate.now(clock), false).changed() ? 1 : 0;
				}
				catch (RuntimeException ex) {
					log.error("The summary of {} could not be written: {}", cycle.id(), ex.getMessage(), ex);
					failed.put(cycle.id(), String.valueOf(ex.getMessage()));
				}
			}
			chunk.getStepContext().getStepExecution().getExecutionContext().putInt("summaries.written", written);
			if (!failed.isEmpty()) {
				throw new IllegalStateException("Summaries not written for " + failed);
			}
			return RepeatStatus.FINISHED;
		}, transactions).build();
	}

}

package org.s11evaluator.retention;

import org.springframework.batch.core.Step;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code applyRetentionStep}: the last step of every evaluation run (the nightly one included) applies {@link Retention}. */
@Configuration(proxyBeanMethods = false)
public class RetentionStepConfiguration {

	/** The step (bean and step name). */
	public static final String RETENTION_STEP = "applyRetentionStep";

	/** The step's context keys: what it removed. */
	static final String JOB_INSTANCES_REMOVED = "retention.jobInstances";

	static final String CONTACT_DETAILS_REMOVED = "retention.returnsWithContactDetails";

	@Bean(RETENTION_STEP)
	Step applyRetentionStep(JobRepository jobs, PlatformTransactionManager transactions, Retention retention) {
		return new StepBuilder(RETENTION_STEP, jobs).allowStartIfComplete(true).tasklet((contribution, chunk) -> {
			Retention.Applied applied = retention.apply(chunk.getStepContext().getStepExecution().getJobExecution());
			chunk.getStepContext().getStepExecution().getExecutionContext().putInt(JOB_INSTANCES_REMOVED, applied.jobInstances());
			chunk.getStepContext().getStepExecution().getExecutionContext().putInt(CONTACT_DETAILS_REMOVED, applied.returnsWithContactDetails());
			return RepeatStatus.FINISHED;
		}, transactions).build();
	}

}

package org.s11evaluator.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Health and metrics after a real run of the job over the sample cycles. */
@IntegrationTest
@TestPropertySource(properties = "s11.reporting.output-directory=target/monitoring-test-output")
class RunMonitoringIntegrationTests {

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	EvaluationRunsHealthIndicator health;

	@Autowired
	MeterRegistry registry;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@BeforeEach
	void samples() {
		this.database.clean();
		this.samples.load();
	}

	@Test
	void aRealRunCountsItsReturnsAndMakesHealthUp() {
		// the registry lives as long as the cached test context: compare with before
		double evaluated = count("s11.evaluation.submissions", "outcome", "evaluated");
		double skipped = count("s11.evaluation.submissions", "outcome", "skipped");
		double completed = count("s11.evaluation.runs", "status", "COMPLETED");
		long timed = timed();
		assertThat(gauge("s11.evaluation.submissions.awaiting")).isEqualTo(36);
		assertThat(gauge("s11.evaluation.last.success.age")).isNaN();

		JobExecution run = this.evaluation.evaluateOpenCycles();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("s11.evaluation.submissions", "outcome", "evaluated") - evaluated).isEqualTo(36);
		assertThat(count("s11.evaluation.submissions", "outcome", "skipped") - skipped).isZero();
		assertThat(count("s11.evaluation.runs", "status", "COMPLETED") - completed).isEqualTo(1);
		assertThat(timed() - timed).isEqualTo(1);
		assertThat(gauge("s11.evaluation.submissions.awaiting")).isZero();
		assertThat(gauge("s11.evaluation.last.success.age")).isCloseTo(0, within(60.0));
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("jobExecutionId", run.getId()).containsEntry("evaluated", 36);
	}

	@Test
	void springBatchsOwnMetricsAreRecordedToo() {
		this.evaluation.evaluateOpenCycles();

		assertThat(this.registry.find("spring.batch.job").tag("spring.batch.job.name", "evaluateCycleJob").timer()).isNotNull()
			.satisfies((timer) -> assertThat(timer.count()).isPositive());
		assertThat(this.registry.find("spring.batch.step").tag("spring.batch.step.name", "evaluateSubmissionsStep").timer()).isNotNull();
		assertThat(this.registry.find("spring.batch.chunk.write").timers()).isNotEmpty();
	}

	private double count(String name, String tag, String value) {
		var counter = this.registry.find(name).tag(tag, value).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long timed() {
		var timer = this.registry.find("s11.evaluation.run.duration").tag("status", "COMPLETED").timer();
		return (timer != null) ? timer.count() : 0;
	}

	private double gauge(String name) {
		return this.registry.get(name).gauge().value();
	}

}

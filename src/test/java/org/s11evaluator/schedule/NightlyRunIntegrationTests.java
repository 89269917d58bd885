package org.s11evaluator.schedule;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's nightly run, started as the scheduler starts it (the cron here never fires by itself). */
@IntegrationTest
@TestPropertySource(properties = { "s11.serve=true", "s11.schedule.cron=0 0 0 1 1 *", "s11.reporting.output-directory=target/nightly-test-output" })
class NightlyRunIntegrationTests {

	@Autowired
	NightlyRun nightly;

	@Autowired
	RunReports runs;

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
	void theNightlyRunEvaluatesEveryOpenCycleAndReportsIt() {
		this.nightly.run();

		assertThat(this.runs.recent(1)).singleElement().satisfies((report) -> {
			assertThat(report.scope()).isEqualTo("*");
			assertThat(report.status()).isEqualTo("COMPLETED");
			assertThat(report.evaluated()).isEqualTo(36);
		});
	}

}

package org.s11evaluator.evaluation;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunReportTests {

	private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 2, 0);

	@Test
	void aRunThatChangedNothingSaysSo() {
		RunReport report = new RunReport(7, "*", "COMPLETED", START, START.plusSeconds(1), 0, 0, 0, 0, null, null, null);

		assertThat(report.describe()).endsWith(": nothing had changed since the last run");
	}

	@Test
	void aRunThatOnlyRewroteSummariesDoesNotSayNothingChanged() {
		RunReport report = new RunReport(8, "*", "COMPLETED", START, START.plusSeconds(3), 0, 0, 0, 2, null, null, null);

		assertThat(report.describe()).contains("2 summary(ies) written").contains("summaries were written again")
			.doesNotContain("nothing had changed");
	}

}

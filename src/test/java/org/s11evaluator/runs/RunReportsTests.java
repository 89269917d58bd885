package org.s11evaluator.runs;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.partnershiprating.PartnershipRatingStepConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;



/** What a run's report and outcome say, from the job execution alone. */
class RunReportsTests {

	@Test
	void aRunKilledDuringItsRatingsReportsNoBrokenPacks() {
		JobExecution run = run();
		StepExecution ratings = step(run, "ratePartnershipsStep", 10, BatchStatus.FAILED);
		ratings.setExitStatus(ExitStatus.FAILED.addExitDescription("process stopped while running"));

		assertThat(RunReports.brokenPacks(run)).isEmpty();
	}

	@Test
	void aRunWithBrokenPacksReportsWhichCyclesWereNotRated() {
		JobExecution run = run();
		StepExecution ratings = step(run, "ratePartnershipsStep", 10, BatchStatus.COMPLETED);
		ratings.setExitStatus(new ExitStatus(PartnershipRatingStepConfiguration.BROKEN_PACKS, "not rated: [havering-2025]"));

		assertThat(RunReports.brokenPacks(run)).isEqualTo("not rated: [havering-2025]");
	}

	@Test
	void aRunThatOnlyRewroteSummariesDoesNotSayNothingHadChanged() {
		RunReport rewrote = report(0, 0, 3);
		RunReport idle = report(0, 0, 0);

		assertThat(rewrote.describe()).contains("3 summary(ies) written", "summaries were written again").doesNotContain("nothing had changed");
		assertThat(idle.describe()).endsWith(": nothing had changed since the last run");
	}

	@Test
	void aRunIsCompletedOnlyWhenEveryPartitionAndStepCompleted() {
		JobExecution run = run();
		step(run, "evaluateSubmissionsStep", 1, BatchStatus.COMPLETED);
		step(run, EvaluationSteps.PARTNERSHIP_STEP + ":pan-sussex", 2, BatchStatus.COMPLETED);
		assertThat(RunOutcome.unfinished(run)).isEmpty();

		step(run, EvaluationSteps.PARTNERSHIP_STEP + ":havering", 3, BatchStatus.UNKNOWN);
		step(run, "summariseCyclesStep", 4, BatchStatus.STOPPED);
		// a partition that had completed before a restart is listed again, unsaved: it has nothing left to do
		run.createStepExecution(EvaluationSteps.PARTNERSHIP_STEP + ":bexley");

		assertThat(RunOutcome.unfinished(run)).containsExactly(
				"the evaluation of partnership havering ended UNKNOWN (its outcome could not be recorded: the database was probably unreachable for a while)",
				"summariseCyclesStep ended STOPPED (stopped before it ended)");
	}

	private static JobExecution run() {
		return new JobExecution(new JobInstance(1L, RunJobConfiguration.JOB_NAME), 1L, new JobParameters());
	}

	private static StepExecution step(JobExecution run, String name, long id, BatchStatus status) {
		StepExecution step = run.createStepExecution(name);
		step.setId(id);
		step.setStatus(status);
		return step;
	}

	private static RunReport report(int evaluated, int skipped, int summaries) {
		LocalDateTime started = LocalDateTime.of(2026, 12, 1, 1, 30);
		return new RunReport(9, "*", "COMPLETED", started, started.plusSeconds(2), evaluated, skipped, 0, summaries, null, null, null);
	}

}

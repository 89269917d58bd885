package org.s11evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SyntheticReturns;
import org.s11evaluator.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;



/**
 * The evaluation process killed mid-run (SIGKILL, as a crash or an out-of-memory kill would) and launched
 * again: the stale run is recovered and restarted from its last committed chunk, and every submission ends
 * up evaluated exactly once.
 */
@IntegrationTest
class EvaluationRestartIntegrationTests {

	private static final int RETURNS = 400;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	CycleManagement cycles;

	@Autowired
	RulePacks packs;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@org.springframework.beans.factory.annotation.Value("${s11.reporting.output-directory}")
	Path output;

	@BeforeEach
	void manyReturns() {
		this.database.clean();
		this.cycles.open(Path.of("samples/pan-sussex-2025/cycle.yaml"));
		SyntheticReturns.insert(this.jdbc, "pan-sussex-2025", this.packs.load("pan-sussex").framework(), RETURNS, 42);
	}

	@Test
	void aRunKilledMidwayIsRestartedAndEvaluatesEverySubmissionExactlyOnce() throws Exception {
		// given a run killed after a few chunks were committed
		Process child = launchEvaluationProcess("--cycle=pan-sussex-2025");
		try {
			awaitCommittedChunks(3, child);
		}
		finally {
			child.destroyForcibly().waitFor();
		}
		int evaluatedBeforeKill = count("select count(*) from evaluation");
		assertThat(evaluatedBeforeKill).as("evaluated before the kill").isPositive().isLessThan(RETURNS);
		assertThat(this.jdbc.queryForObject("select status from BATCH_JOB_EXECUTION", String.class)).isEqualTo("STARTED");

		// when the evaluation is launched again
		JobExecution restarted = this.evaluation.evaluateCycle("pan-sussex-2025");

		// then it restarts the same run from where it stopped, and nothing is lost or done twice
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isEqualTo(1);
		assertThat(count("select count(*) from BATCH_JOB_EXECUTION")).isEqualTo(2);
		assertThat(count("select sum(write_count) from BATCH_STEP_EXECUTION where step_name like 'evaluatePartnershipStep:%'")).as("submissions written across both executions").isEqualTo(RETURNS);
		assertThat(count("select count(*) from evaluation where status = 'EVALUATED'")).isEqualTo(RETURNS);
		assertThat(count("select count(*) from standard_rating")).isEqualTo(RETURNS * 9);
		assertThat(count("select count(*) from (select submission_id, item_id from item_rating group by submission_id, item_id having count(*) > 1) d")).isZero();
		assertThat(count("select count(*) from item_rating")).isEqualTo(count("select count(*) from item_response"));
	}

	@Test
	void killedAgainAndAgainAtRandomPointsEveryReturnIsEvaluatedAndSummarisedExactlyOnce() throws Exception {
		// given a second partnership with many returns (using the Pan-Sussex pack), so two partnerships are evaluated at once
		Path westSussex = java.nio.file.Files.writeString(Path.of("target/west-sussex-2025.yaml"), """
				id: west-sussex-2025
				partnership: west-sussex
				rulePack: pan-sussex
				title: West Sussex 2025
				opens: 2025-01-06
				returnDeadline: 2025-03-31
				""");
		this.cycles.open(westSussex);
		SyntheticReturns.insert(this.jdbc, "west-sussex-2025", this.packs.load("pan-sussex").framework(), 300, 7, "synthetic-ws-agency-");
		int returns = count("select count(*) from submission");
		java.util.Random random = new java.util.Random(2026);

		// when every run is killed (SIGKILL) at a random point: during the evaluation, twice, then during the summaries
		for (int kill = 0; kill < 2; kill++) {
			Process child = launchEvaluationProcess("--s11.reporting.output-directory=target/restart-test-output");
			try {
				awaitEvaluated(count("select count(*) from evaluation") + 5 * (1 + random.nextInt(12)), child);
			}
			finally {
				child.destroyForcibly().waitFor();
			}
		}
		Process child = launchEvaluationProcess("--s11.reporting.output-directory=target/restart-test-output");
		try {
			awaitStep("summariseCyclesStep", child);
		}
		finally {
			child.destroyForcibly().waitFor();
		}
		assertThat(count("select count(*) from evaluation")).as("evaluated before the last kill").isPositive();

		// and the evaluation is then launched once more
		JobExecution last = this.evaluation.evaluateOpenCycles();

		// then every return has exactly one set of results, every run is reported, and the counts agree
		assertThat(last.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("select count(*) from evaluation where status = 'EVALUATED'")).isEqualTo(returns);
		assertThat(count("select count(*) from item_rating")).isEqualTo(count("select count(*) from item_response"));
		assertThat(count("select count(*) from (select submission_id, item_id from item_rating group by submission_id, item_id having count(*) > 1) d")).isZero();
		assertThat(count("select count(*) from (select submission_id, standard_id from standard_rating group by submission_id, standard_id having count(*) > 1) d")).isZero();
		assertThat(count("select count(*) from (select submission_id, item_id, action_text from follow_up_action group by submission_id, item_id, action_text having count(*) > 1) d"))
			.as("no follow-up action twice").isZero();
		assertThat(count("select sum(evaluated) from run_report")).as("returns evaluated, summed over every run's report").isEqualTo(returns);
		assertThat(count("select sum(write_count) from BATCH_STEP_EXECUTION where step_name like 'evaluatePartnershipStep:%'")).isEqualTo(returns);
		assertThat(count("select count(*) from run_report where status = 'FAILED'")).as("the killed runs, reported by the next").isEqualTo(3);
		assertThat(this.jdbc.queryForList("select cycle_id from cycle_summary where inputs_fingerprint is not null", String.class))
			.containsExactlyInAnyOrder("pan-sussex-2025", "west-sussex-2025");
		assertThat(this.output.resolve("west-sussex-2025/summary.html")).as("written by the last run").exists();
		assertThat(this.output.resolve("pan-sussex-2025/summary.pdf")).exists();
	}

	private void awaitEvaluated(int returns, Process child) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (count("select count(*) from evaluation") >= returns) {
				return;
			}
			assertThat(child.isAlive()).as("the evaluation process is still running (see target/restart-test-child.log)").isTrue();
			Thread.sleep(10);
		}
		throw new AssertionError("the evaluation process did not evaluate " + returns + " returns within 120 s (see target/restart-test-child.log)");
	}

	private void awaitStep(String step, Process child) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			if (count("select count(*) from BATCH_STEP_EXECUTION where step_name = '" + step + "'") > 0) {
				return;
			}
			assertThat(child.isAlive()).as("the evaluation process is still running (see target/restart-test-child.log)").isTrue();
			Thread.sleep(20);
		}
		throw new AssertionError("the evaluation process did not reach " + step + " within 120 s (see target/restart-test-child.log)");
	}

	private Process launchEvaluationProcess(String... extra) throws Exception {
		TestDatabase.Connection db = TestDatabase.get();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
				"org.s11evaluator.S11Application", "evaluate", "--s11.evaluation.chunk-size=5",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password()));
		command.addAll(List.of(extra));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Path.of("target/restart-test-child.log").toFile()).start();
	}

	private void awaitCommittedChunks(int chunks, Process child) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			Integer committed = this.jdbc.queryForObject("select coalesce(max(commit_count), 0) from BATCH_STEP_EXECUTION", Integer.class);
			if (committed != null && committed >= chunks) {
				return;
			}
			assertThat(child.isAlive()).as("the evaluation process is still running (see target/restart-test-child.log)").isTrue();
			Thread.sleep(20);
		}
		throw new AssertionError("the evaluation process committed no chunk within 90 s (see target/restart-test-child.log)");
	}

	private int count(String sql) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class);
		return (count != null) ? count : 0;
	}

}

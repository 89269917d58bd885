package org.s11evaluator.evaluation;

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
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SyntheticReturns;
import org.s11evaluator.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation process killed mid-run (SIGKILL, as a crash or an out-of-memory kill would) and launched
 * again: the stale run is recovered and restarted from its last committed chunk, and every submission ends
 * up evaluated exactly once.
 */
@IntegrationTest
class EvaluationRestartIntegrationTests {

	private static final int RETURNS = 1000;

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

	@BeforeEach
	void manyReturns() {
		this.database.clean();
		this.cycles.open(Path.of("samples/pan-sussex-2025/cycle.yaml"));
		SyntheticReturns.insert(this.jdbc, "pan-sussex-2025", this.packs.load("pan-sussex").framework(), RETURNS, 42);
	}

	@Test
	void aRunKilledMidwayIsRestartedAndEvaluatesEverySubmissionExactlyOnce() throws Exception {
		// given a run killed after a few chunks were committed
		Process child = launchEvaluationProcess();
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

	private Process launchEvaluationProcess() throws Exception {
		TestDatabase.Connection db = TestDatabase.get();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
				"org.s11evaluator.S11Application", "evaluate", "--cycle=pan-sussex-2025", "--s11.evaluation.chunk-size=10",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password()));
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

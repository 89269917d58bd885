package org.s11evaluator.evaluation;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.DatabaseLink;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SyntheticReturns;
import org.s11evaluator.support.TestDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database going away in the middle of an evaluation run (issue 5): the run must fail cleanly, with a
 * message an operator can act on, must leave what it had committed intact, and the next run, once the
 * database is back, must complete the work with every return evaluated exactly once.
 * <p>
 * The {@code evaluate} command runs in a child JVM, as it would from cron, connected to the test database
 * through a {@link DatabaseLink} that the test cuts once some results are committed; the test checks the
 * database through its own direct connection, which the cut leaves alone. Only what an operator can
 * observe is checked (exit code, output, the rows in the database), not how the job is built.
 */
@IntegrationTest
class DatabaseOutageIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIntegrationTests.class);

	/** Several chunks of 5, and few enough agencies that the completing run's board summary takes seconds. */
	private static final int RETURNS = 40;

	/** How long a run cut off from its database may take to give up; the pool waits 2 s per connection. */
	private static final Duration GIVING_UP = Duration.ofSeconds(60);

	/** How long a run against a frozen database may take to give up, with 3 s socket and 2 s connection timeouts. */
	private static final Duration FROZEN_GIVING_UP = Duration.ofSeconds(45);

	@Autowired
	CycleManagement cycles;

	@Autowired
	RulePacks packs;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	private Framework framework;

	@BeforeEach
	void aCycleOfReturns() {
		this.database.clean();
		this.cycles.open(Path.of("samples/pan-sussex-2025/cycle.yaml"));
		this.framework = this.packs.load("pan-sussex").framework();
		SyntheticReturns.insert(this.jdbc, "pan-sussex-2025", this.framework, RETURNS, 7);
	}

	@Test
	void aRunThatLosesTheDatabaseFailsCleanlyAndTheNextRunCompletesIt() throws Exception {
		try (DatabaseLink link = DatabaseLink.to(TestDatabase.get().url())) {
			// given a run under way, with some results committed
			Path firstLog = Path.of("target/outage-test-first-run.log");
			Process first = evaluate(link, firstLog);
			long cutAt;
			try {
				awaitCommittedResults(first, firstLog);

				// when the database goes away
				link.cut();
				cutAt = System.nanoTime();
				assertThat(first.waitFor(GIVING_UP.toSeconds(), TimeUnit.SECONDS))
					.as("the run cut off from its database has ended within %s (see %s)", GIVING_UP, firstLog).isTrue();
			}
			finally {
				first.destroyForcibly().waitFor();
			}
			log.info("The run cut off from its database ended {} ms after the cut", (System.nanoTime() - cutAt) / 1_000_000);

			// then it fails, saying the database could not be reached and that running it again completes it
			String output = Files.readString(firstLog);
			assertThat(first.exitValue()).as("exit code of the run that lost its database (see %s)", firstLog).isEqualTo(1);
			assertThat(output).as("the failed run's output (%s)", firstLog)
				.contains("The evaluation run stopped: the database could not be reached")
				.contains("Nothing already committed is lost; run it again");
			// and what it had committed is whole
			int evaluatedBeforeTheCut = count("select count(*) from evaluation");
			assertThat(evaluatedBeforeTheCut).as("returns evaluated before the cut").isPositive().isLessThan(RETURNS);
			assertResultsWholeAndSingle();

			// when the database is back and the evaluation is run again
			link.restore();
			Path secondLog = Path.of("target/outage-test-second-run.log");
			long launched = System.nanoTime();
			Process second = evaluate(link, secondLog);
			try {
				assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second run has ended (see %s)", secondLog).isTrue();
			}
			finally {
				second.destroyForcibly().waitFor();
			}
			log.info("The run after the outage took {} ms, JVM start included", (System.nanoTime() - launched) / 1_000_000);

			// then it completes the work: every return evaluated exactly once, across both runs
			assertThat(second.exitValue()).as("exit code of the run after the outage (see %s)", secondLog).isZero();
			assertThat(count("select count(*) from evaluation where status = 'EVALUATED'")).isEqualTo(RETURNS);
			assertThat(count("select count(*) from evaluation")).isEqualTo(count("select count(*) from submission"));
			assertResultsWholeAndSingle();
			// and the run report records the failed run, with what it had committed, and the run that completed it
			List<Map<String, Object>> reports = this.jdbc
				.queryForList("select status, evaluated, failure from run_report order by job_execution_id");
			assertThat(reports).as("run reports").hasSize(2);
			assertThat(reports.get(0)).containsEntry("status", "FAILED").containsEntry("evaluated", evaluatedBeforeTheCut);
			assertThat((String) reports.get(0).get("failure")).as("the failed run's reported failure").isNotBlank();
			assertThat(reports.get(1)).containsEntry("status", "COMPLETED").containsEntry("evaluated", RETURNS - evaluatedBeforeTheCut);
		}
	}

	/**
	 * The database away for about 5 s mid-run, then back (issue 10): the run went on to its ratings and summaries
	 * once the database was back and was recorded COMPLETED, though the partitions the cut interrupted had ended
	 * UNKNOWN. It must end FAILED everywhere it is recorded, saying what did not complete, and the next run must
	 * complete the work.
	 */
	@Test
	void aRunThatLosesTheDatabaseForAMomentIsRecordedFailedAndTheNextRunCompletesIt() throws Exception {
		try (DatabaseLink link = DatabaseLink.to(TestDatabase.get().url())) {
			// given a run under way, with some results committed
			Path firstLog = Path.of("target/outage-test-blip-run.log");
			Process first = evaluate(link, firstLog);
			try {
				awaitCommittedResults(first, firstLog);

				// when the database goes away for 5 s and comes back
				link.cut();
				Thread.sleep(5000);
				link.restore();
				assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("the interrupted run has ended (see %s)", firstLog).isTrue();
			}
			finally {
				first.destroyForcibly().waitFor();
			}

			// then no record says it completed: not the exit code, not the job execution, not the run report
			String output = Files.readString(firstLog);
			assertThat(first.exitValue()).as("exit code of the interrupted run (see %s)", firstLog).isEqualTo(1);
			assertThat(this.jdbc.queryForList("select STATUS from BATCH_JOB_EXECUTION", String.class))
				.as("job executions (see %s)", firstLog).doesNotContain("COMPLETED").isNotEmpty();
			List<Map<String, Object>> reports = this.jdbc.queryForList("select status, failure from run_report");
			assertThat(reports).as("run reports (see %s)", firstLog).hasSize(1);
			assertThat(reports.get(0)).containsEntry("status", "FAILED");
			assertThat((String) reports.get(0).get("failure")).as("the reported failure").isNotBlank();
			String exitMessage = this.jdbc.queryForObject("select EXIT_MESSAGE from BATCH_JOB_EXECUTION", String.class);
			assertThat(exitMessage).as("the job execution's exit message").isNotBlank();
			assertThat(output).as("the interrupted run's output (%s)", firstLog).contains("FAILED").doesNotContain(" COMPLETED:")
				.contains("the database could not be reached during the run")
				// plain messages: no stack traces at default logging, nor Spring Batch's contrary "should not be restarted"
				.doesNotContain("\tat ").doesNotContain("should not be restarted").doesNotContain("Partition handler returned");
			assertResultsWholeAndSingle();

			// and the next run completes the work
			Path secondLog = Path.of("target/outage-test-blip-second-run.log");
			Process second = evaluate(link, secondLog);
			try {
				assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second run has ended (see %s)", secondLog).isTrue();
			}
			finally {
				second.destroyForcibly().waitFor();
			}
			assertThat(second.exitValue()).as("exit code of the run after the outage (see %s)", secondLog).isZero();
			assertThat(count("select count(*) from evaluation where status = 'EVALUATED'")).isEqualTo(RETURNS);
			assertResultsWholeAndSingle();
		}
	}

	/**
	 * A frozen database (issue 10): the server keeps every connection open and answers nothing, as a stopped
	 * server does. The run hung for ever; with the timeouts of batch-config/database.yml it must end FAILED within
	 * about the socket timeout plus a few connection timeouts, with a plain message, and its lock must be released.
	 */
	@Test
	void aRunAgainstAFrozenDatabaseFailsWithinItsTimeouts() throws Exception {
		try (DatabaseLink link = DatabaseLink.to(TestDatabase.get().url())) {
			// given a run under way, with some results committed, and 3 s socket timeouts
			Path log = Path.of("target/outage-test-frozen-run.log");
			Process run = evaluate(link, log, "--s11.database.timeouts.socket=3s", "--s11.database.timeouts.connect=2s");
			long frozenAt;
			try {
				awaitCommittedResults(run, log);

				// when the database freezes
				link.freeze();
				frozenAt = System.nanoTime();
				assertThat(run.waitFor(FROZEN_GIVING_UP.toSeconds(), TimeUnit.SECONDS))
					.as("the run against a frozen database has ended within %s (see %s)", FROZEN_GIVING_UP, log).isTrue();
			}
			finally {
				run.destroyForcibly().waitFor();
			}
			DatabaseOutageIntegrationTests.log.info("The run against a frozen database ended {} ms after the freeze",
					(System.nanoTime() - frozenAt) / 1_000_000);

			// then it failed, in plain words
			String output = Files.readString(log);
			assertThat(run.exitValue()).as("exit code of the run against a frozen database (see %s)", log).isEqualTo(1);
			assertThat(output).as("the run's output (%s)", log)
				.contains("The evaluation run stopped: the database could not be reached")
				.contains("Nothing already committed is lost; run it again")
				.doesNotContain("\tat ").doesNotContain("should not be restarted");
			assertThat(output.lines().count()).as("lines of output of the frozen run (%s)", log).isLessThan(40);
			// and its lock is released, so the next run is not refused
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (count("select is_free_lock(left(concat('s11-evaluator.evaluation.', database()), 64))") != 1 && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(count("select is_free_lock(left(concat('s11-evaluator.evaluation.', database()), 64))")).as("the evaluation lock is free").isEqualTo(1);
			assertResultsWholeAndSingle();
		}
	}

	/**
	 * Every evaluated return has all its results and no other return has any, none twice: a chunk the cut
	 * interrupted was rolled back whole, never left half-written.
	 */
	private void assertResultsWholeAndSingle() {
		assertThat(count("select count(*) from (select submission_id, item_id from item_rating group by submission_id, item_id having count(*) > 1) d"))
			.as("item ratings stored twice").isZero();
		assertThat(count("select count(*) from (select submission_id, standard_id from standard_rating group by submission_id, standard_id having count(*) > 1) d"))
			.as("standard ratings stored twice").isZero();
		assertThat(count("select count(*) from evaluation where status <> 'EVALUATED' or submission_version is null or pack_version is null "
				+ "or evaluated_at is null or job_execution_id is null")).as("evaluation rows not fully evaluated").isZero();
		assertThat(count("""
				select count(*) from evaluation e where
				  (select count(*) from item_rating r where r.submission_id = e.submission_id)
				  <> (select count(*) from item_response r where r.submission_id = e.submission_id)
				  or (select count(*) from standard_rating r where r.submission_id = e.submission_id) <> ?""",
				this.framework.standards().size())).as("evaluated returns missing some of their ratings").isZero();
		assertThat(count("""
				select count(*) from submission s where not exists (select 1 from evaluation e where e.submission_id = s.id) and (
				  exists (select 1 from item_rating r where r.submission_id = s.id)
				  or exists (select 1 from standard_rating r where r.submission_id = s.id)
				  or exists (select 1 from finding f where f.submission_id = s.id)
				  or exists (select 1 from follow_up_action a where a.submission_id = s.id))"""))
			.as("returns with results but no evaluation").isZero();
	}

	/** {@code evaluate} in its own JVM, reaching the database only through the link. */
	private Process evaluate(DatabaseLink link, Path output, String... options) throws IOException {
		TestDatabase.Connection db = TestDatabase.get();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		// a quick-starting JVM: these runs are short, and the machine's cores are shared with the test's own JVM
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, "org.s11evaluator.S11Application", "evaluate", "--cycle=pan-sussex-2025", "--s11.evaluation.chunk-size=5",
				"--s11.reporting.output-directory=target/outage-test-output",
				"--spring.datasource.hikari.connection-timeout=2000",
				"--spring.datasource.url=" + link.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password()));
		command.addAll(List.of(options));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
	}

	private void awaitCommittedResults(Process child, Path output) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			if (count("select count(*) from evaluation") > 0) {
				return;
			}
			assertThat(child.isAlive()).as("the evaluation process is still running (see %s)", output).isTrue();
			Thread.sleep(20);
		}
		throw new AssertionError("the evaluation process committed no result within 90 s (see " + output + ")");
	}

	private int count(String sql, Object... args) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, args);
		return (count != null) ? count : 0;
	}

}

package org.s11evaluator.monitoring;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code evaluationRuns} health, from run reports as the job stores them (the real job: RunMonitoringIntegrationTests). */
@IntegrationTest
class EvaluationRunsHealthIntegrationTests {

	@Autowired
	EvaluationRunsHealthIndicator health;

	@Autowired
	HealthContributorRegistry contributors;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void noRuns() {
		this.database.clean();
	}

	@Test
	void isContributedAsEvaluationRunsBesideTheDatabase() {
		assertThat(this.contributors.getContributor("evaluationRuns")).isSameAs(this.health);
		assertThat(this.contributors.getContributor("db")).isNotNull();
	}

	@Test
	void withNoRunYetIsUnknownWithANote() {
		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("note", "No evaluation run yet: the first is at the next scheduled time, or run 'evaluate'");
	}

	@Test
	void afterACompletedRunIsUpWithWhatItDid() {
		LocalDateTime ended = LocalDateTime.now().minusHours(3);
		report(41, "COMPLETED", ended, 36, 2, null);

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("jobExecutionId", 41L)
			.containsEntry("status", "COMPLETED")
			.containsEntry("evaluated", 36)
			.containsEntry("skipped", 2)
			.containsEntry("staleAfter", "PT48H")
			.doesNotContainKeys("failure", "stale");
		assertThat((String) health.getDetails().get("endedAt")).startsWith(ended.withNano(0).toString());
	}

	@Test
	void afterAFailedRunIsDownWithItsFailureAndTheLastSuccess() {
		LocalDateTime success = LocalDateTime.now().minusDays(1);
		report(41, "COMPLETED", success, 36, 0, null);
		report(42, "FAILED", LocalDateTime.now().minusMinutes(5), 10, 0, "Communications link failure");

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("jobExecutionId", 42L)
			.containsEntry("status", "FAILED")
			.containsEntry("failure", "Communications link failure")
			.doesNotContainKey("stale");
		assertThat((String) health.getDetails().get("lastSuccessEndedAt")).startsWith(success.withNano(0).toString());
	}

	@Test
	void afterAFailedRunAndNoSuccessEverIsDownAndSaysNever() {
		report(42, "FAILED", LocalDateTime.now().minusMinutes(5), 0, 0, null);

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failure", "the run ended FAILED").containsEntry("lastSuccessEndedAt", "never");
	}

	@Test
	void whenNoRunCompletedWithinTheStalenessWindowIsDown() {
		report(41, "COMPLETED", LocalDateTime.now().minusDays(3), 36, 0, null);

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("stale")).startsWith("no run has completed for PT7").endsWith("was a nightly run missed?");
	}

	@Test
	void aRunWhoseProcessIsGoneIsDownAtOnceThoughItLeftNoReport() throws Exception {
		// given a run recorded as running on this machine by a process that was killed
		Process killed = new ProcessBuilder("sleep", "60").start();
		killed.destroyForcibly().waitFor();
		heartbeat(7, localHost(), killed.pid(), 0);

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("deadRun")).startsWith("run 7 did not end: its process (pid " + killed.pid())
			.contains("is gone").contains("run 'evaluate'");
	}

	@Test
	void aRunNotHeardFromForLongerThanDeadAfterIsDown() {
		report(41, "COMPLETED", LocalDateTime.now().minusHours(3), 36, 0, null);
		heartbeat(42, "another-machine", 1234, 600);

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("deadRun")).startsWith("run 42 did not end")
			.contains("has not been heard from for 600 s, more than 120 s");
		assertThat(health.getDetails()).containsEntry("jobExecutionId", 41L);
	}

	@Test
	void aRunAliveAndBeatingIsNotDead() throws Exception {
		report(41, "COMPLETED", LocalDateTime.now().minusHours(3), 36, 0, null);
		heartbeat(42, localHost(), ProcessHandle.current().pid(), 5);

		Health health = this.health.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKey("deadRun");
	}

	private void heartbeat(long id, String host, long pid, int secondsAgo) {
		this.jdbc.update("""
				insert into run_heartbeat (job_execution_id, host, pid, started_at, heartbeat_at)
				values (?, ?, ?, now(6) - interval ? second, now(6) - interval ? second)""", id, host, pid, secondsAgo, secondsAgo);
	}

	private static String localHost() throws java.net.UnknownHostException {
		return java.net.InetAddress.getLocalHost().getHostName();
	}

	private void report(long id, String status, LocalDateTime ended, int evaluated, int skipped, String failure) {
		this.jdbc.update("""
				insert into run_report (job_execution_id, scope, status, started_at, ended_at, evaluated, skipped, rejected_files,
				  summaries_written, failure) values (?, '*', ?, ?, ?, ?, ?, 0, 0, ?)""", id, status, ended.minusMinutes(1), ended, evaluated,
				skipped, failure);
	}

}

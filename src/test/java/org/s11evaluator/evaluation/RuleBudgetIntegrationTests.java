package org.s11evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.runner.SlowAndGreedyPacks;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;



/**
 * A rule that runs past its time budget, written with nothing but joins over the published facts, in one pack
 * (pan-sussex, 25 returns) while the other packs are fine: the nightly run stops it at the deadline once, skips
 * the pack's other returns with the same reason instead of waiting for each, evaluates the other packs, releases
 * its lock and ends FAILED naming the pack, the budget and the rule.
 */
@IntegrationTest
// its own rules folder and budget make a context no other test shares: closed after it, with its connections and runners
@DirtiesContext
class RuleBudgetIntegrationTests {

	private static final Path RULES = SlowAndGreedyPacks.rulesWith(tempFolder(), "slow.drl", SlowAndGreedyPacks.SLOW);

	private static final String RULE = "SUS-SLOW-01 Compares every three answers with every other";

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("s11.rules.directory", RULES::toString);
		registry.add("s11.rules.runner.isolated", () -> "true");
		registry.add("s11.rules.runner.per-return-timeout", () -> "2s");
	}

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RunReports runReports;

	@BeforeEach
	void samples() {
		this.database.clean();
		this.samples.load();
	}

	@Test
	void aPackPastItsTimeBudgetIsStoppedOnceItsReturnsSkippedTheOthersEvaluatedAndTheRunFailsNamingTheRule() {
		JobExecution run = this.evaluation.evaluateOpenCycles();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		// one return waited out the 2 s deadline; the other 24 were skipped at once, not each after 2 s more
		assertThat(this.jdbc.sql("select timestampdiff(microsecond, min(failed_at), max(failed_at)) from evaluation where status = 'FAILED'")
			.query(Long.class).single()).isLessThan(1_500_000L);
		assertThat(this.jdbc.sql("""
				select c.pack_id, e.status, count(*) from evaluation e join submission s on s.id = e.submission_id
				join audit_cycle c on c.id = s.cycle_id group by c.pack_id, e.status order by c.pack_id""")
			.query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3)).list())
			.containsExactly("barking-and-dagenham EVALUATED 6", "pan-london-2012 EVALUATED 5", "pan-sussex FAILED 25");
		assertThat(this.jdbc.sql("select distinct failure from evaluation where status = 'FAILED'").query(String.class).single())
			.contains("rule pack pan-sussex", "ran past its time budget of 2 s per return (s11.rules.runner.per-return-timeout)",
					"in rule \"" + RULE + "\"", "the pack's returns are not evaluated in this run");
		assertThat(this.runReports.recent(1)).singleElement().satisfies((report) -> {
			assertThat(report.status()).isEqualTo("FAILED");
			assertThat(report.evaluated()).isEqualTo(11);
			assertThat(report.skipped()).isEqualTo(25);
			assertThat(report.failure()).contains("rule pack pan-sussex", "in rule \"" + RULE + "\"", "the run is FAILED");
			assertThat(report.skipReasons()).startsWith("25 x rule pack pan-sussex");
		});
		assertThat(this.jdbc.sql("select is_free_lock(left(concat('s11-evaluator.evaluation.', database()), 64))").query(Integer.class).single())
			.as("the evaluation lock is released").isEqualTo(1);
	}

	private static Path tempFolder() {
		try {
			Path folder = Files.createTempDirectory("s11-budget-rules");
			folder.toFile().deleteOnExit();
			return folder.resolve("rules");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

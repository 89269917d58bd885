package org.s11evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.runs.EvaluationLock;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;




@IntegrationTest
class EvaluationJobIntegrationTests {

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RulePacks packs;

	@Autowired
	EvaluationResults results;

	@Autowired
	DataSource dataSource;

	@Autowired
	RunReports runReports;

	@Autowired
	org.s11evaluator.submission.SubmissionImport submissions;

	@BeforeEach
	void loadSamples() {
		this.database.clean();
		this.samples.load();
	}

	@Test
	void evaluatesEveryReturnOfEveryOpenCycleAndExplainsEachResult() {
		JobExecution run = this.evaluation.evaluateOpenCycles();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("select count(*) from evaluation where status = 'EVALUATED'")).isEqualTo(36);
		// University Hospitals Sussex rated 6.2 red on 2025-03-31 with no area for development.
		Map<String, Object> followUp = this.jdbc.sql("""
				select s.id, f.due_date, f.rule_name, e.pack_version, f.reason from follow_up_action f
				join submission s on s.id = f.submission_id join evaluation e on e.submission_id = s.id
				where s.cycle_id = 'pan-sussex-2025' and s.agency_id = 'uhsussex' and f.item_id = '6.2'""")
			.query()
			.singleRow();
		assertThat(followUp.get("due_date")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2025, 4, 30)));
		assertThat((String) followUp.get("rule_name")).startsWith("SUS-FUA-01");
		// its inputs are stored as references into the stored return and read back as the rule engine gave them
		EvaluationResults.FollowUpResult explained = this.results.explained("pan-sussex-2025")
			.get(((Number) followUp.get("id")).longValue())
			.followUps()
			.stream()
			.filter((a) -> "6.2".equals(a.itemId()))
			.findFirst()
			.orElseThrow();
		assertThat(explained.inputs()).contains("ItemRating[item=6.2, RED]").anySatisfy((i) -> assertThat(i).startsWith("Submission[agency=uhsussex"));
		assertThat(explained.rule()).isEqualTo(followUp.get("rule_name"));
		assertThat(followUp.get("pack_version")).isEqualTo(this.packs.load("pan-sussex").version());
		assertThat((String) followUp.get("reason")).contains("rated red");
		assertThat(this.jdbc.sql("""
				select r.rag from standard_rating r join submission s on s.id = r.submission_id
				where s.agency_id = 'uhsussex' and s.cycle_id = 'pan-sussex-2025' order by r.standard_id""").query(String.class).list())
			.containsExactly("GREEN", "GREEN", "GREEN", "GREEN", "AMBER", "RED", "GREEN", "RED", "GREEN");
		assertThat(this.jdbc.sql("""
				select f.code from finding f join submission s on s.id = f.submission_id
				where s.cycle_id = 'barking-and-dagenham-2025' and s.agency_id = 'met-police-east-bcu'""").query(String.class).list())
			.containsExactly("STALE_REVIEW");
		assertThat(count("select count(*) from finding where rule_name = '' or inputs = '[]'")).isZero();
		assertThat(count("select count(*) from evaluation where ratings is null or pack_version is null or evaluated_at is null")).isZero();
	}

	@Test
	void runningAgainReplacesResultsWithoutDuplicates() {
		this.evaluation.evaluateOpenCycles();
		int findings = count("select count(*) from finding");
		int ratings = count("select count(*) from standard_rating");
		int followUps = count("select count(*) from follow_up_action");

		JobExecution second = this.evaluation.evaluateOpenCycles(true);

		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("select count(*) from finding")).isEqualTo(findings).isPositive();
		assertThat(count("select count(*) from standard_rating")).isEqualTo(ratings).isEqualTo(6 * 8 + 5 * 8 + 12 * 9 + 13 * 9);
		assertThat(count("select count(*) from follow_up_action")).isEqualTo(followUps).isPositive();
		assertThat(count("select count(distinct job_execution_id) from evaluation")).isEqualTo(1);
		assertThat(this.jdbc.sql("select distinct job_execution_id from evaluation").query(Long.class).single()).isEqualTo(second.getId());
	}

	@Test
	void everyRunLeavesAReportOfWhatItDid() {
		JobExecution run = this.evaluation.evaluateOpenCycles();

		assertThat(this.runReports.recent(5)).singleElement().satisfies((report) -> {
			assertThat(report.jobExecutionId()).isEqualTo(run.getId());
			assertThat(report.status()).isEqualTo("COMPLETED");
			assertThat(report.evaluated()).isEqualTo(36);
			assertThat(report.skipped()).isZero();
			assertThat(report.rejectedFiles()).isEqualTo(3);
			assertThat(report.summariesWritten()).isEqualTo(4);
			assertThat(report.describe()).startsWith("Run " + run.getId() + " (every open cycle) COMPLETED in ");
		});
	}

	@Test
	void aRunWithNothingChangedEvaluatesNothingAndSaysSo() {
		this.evaluation.evaluateOpenCycles();

		JobExecution second = this.evaluation.evaluateOpenCycles();

		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.runReports.recent(1)).singleElement().satisfies((report) -> {
			assertThat(report.evaluated()).isZero();
			assertThat(report.summariesWritten()).isZero();
			assertThat(report.describe()).contains("nothing had changed since the last run");
		});
	}

	@Test
	void afterOneReturnIsCorrectedOnlyThatReturnIsEvaluatedAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
			throws java.io.IOException {
		this.evaluation.evaluateOpenCycles();
		java.nio.file.Path original = java.nio.file.Path.of("samples/pan-sussex-2025/submissions/sussex-police.json");
		java.nio.file.Path corrected = java.nio.file.Files.writeString(folder.resolve("sussex-police.json"),
				java.nio.file.Files.readString(original).replaceFirst("\"rating\": \"green\"", "\"rating\": \"red\""));
		this.submissions.importPaths(java.util.List.of(corrected), java.util.Optional.empty());

		this.evaluation.evaluateOpenCycles();

		assertThat(this.runReports.recent(1)).singleElement().satisfies((report) -> {
			assertThat(report.evaluated()).isEqualTo(1);
			assertThat(report.summariesWritten()).isEqualTo(1);
		});
		assertThat(this.jdbc.sql("""
				select r.rag from item_rating r join submission s on s.id = r.submission_id
				where s.cycle_id = 'pan-sussex-2025' and s.agency_id = 'sussex-police' and r.item_id = '1.1'""").query(String.class).single())
			.isEqualTo("RED");
	}

	@Test
	void evaluatesOneCycleOnlyWhenAskedTo() {
		this.evaluation.evaluateCycle("pan-london-2012-havering-2024");

		assertThat(this.jdbc.sql("select distinct s.cycle_id from evaluation e join submission s on s.id = e.submission_id")
			.query(String.class).list()).containsExactly("pan-london-2012-havering-2024");
	}

	@Test
	void refusesASecondRunWhileOneIsInProgress() throws Exception {
		try (Connection other = this.dataSource.getConnection();
				PreparedStatement lock = other.prepareStatement("select get_lock(concat('s11-evaluator.evaluation.', database()), 0)");
				PreparedStatement release = other.prepareStatement("select release_lock(concat('s11-evaluator.evaluation.', database()))")) {
			lock.executeQuery().close();
			try {
				assertThatExceptionOfType(EvaluationLock.EvaluationAlreadyRunningException.class)
					.isThrownBy(() -> this.evaluation.evaluateOpenCycles())
					.withMessageContaining("Another evaluation run is in progress");
			}
			finally {
				release.executeQuery().close();
			}
		}
		assertThat(count("select count(*) from evaluation")).isZero();
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}

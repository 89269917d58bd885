package org.s11evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.changes.ChangedCycles;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;



/**
 * Returns are evaluated partnership by partnership, on several threads: one partnership whose part of the run
 * fails does not stop the others, and the next run completes only what is left; and partnerships that share
 * a rule pack (as London boroughs share the Pan-London standards) are each evaluated by it.
 */
@IntegrationTest
class PartitionedEvaluationIntegrationTests {

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	CycleManagement cycles;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChangedCycles changedCycles;

	@BeforeEach
	void loadSamples() {
		this.database.clean();
		this.samples.load();
	}

	@Test
	void aPartnershipWhoseEvaluationFailsDoesNotStopTheOthersAndTheNextRunCompletesIt() {
		// given one Pan-London return whose stored evidence links are corrupt, so its partnership's part cannot be read
		this.jdbc.sql("""
				update item_response set evidence_links = 'not json' where submission_id =
				  (select min(id) from submission where cycle_id = 'pan-london-2012-havering-2024') and item_id = '1.1'""").update();

		JobExecution failed = this.evaluation.evaluateOpenCycles();

		// then that partnership's part fails, and every other partnership is evaluated, rated and summarised
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getStepExecutions()).filteredOn((s) -> s.getStepName().startsWith("evaluatePartnershipStep:"))
			.extracting((s) -> s.getStepName() + "=" + s.getStatus())
			.contains("evaluatePartnershipStep:pan-london-2012=FAILED", "evaluatePartnershipStep:pan-sussex=COMPLETED",
					"evaluatePartnershipStep:barking-and-dagenham=COMPLETED");
		assertThat(unevaluated("pan-sussex-2025")).isZero();
		assertThat(unevaluated("barking-and-dagenham-2025")).isZero();
		assertThat(unevaluated("pan-london-2012-havering-2024")).isEqualTo(returns("pan-london-2012-havering-2024"));
		assertThat(this.jdbc.sql("select cycle_id from cycle_summary").query(String.class).list())
			.contains("pan-sussex-2025", "barking-and-dagenham-2025");
		assertThat(this.jdbc.sql("select status, evaluated from run_report order by job_execution_id desc limit 1")
			.query((rs, i) -> rs.getString(1) + " " + rs.getInt(2)).single())
			.isEqualTo("FAILED " + this.jdbc.sql("select count(*) from evaluation where status = 'EVALUATED'").query(Integer.class).single());

		// when the data is put right and the evaluation launched again
		this.jdbc.sql("update item_response set evidence_links = null where evidence_links = 'not json'").update();
		JobExecution restarted = this.evaluation.evaluateOpenCycles();

		// then only the failed partnership is evaluated, and every return has exactly one set of results
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getStepExecutions()).filteredOn((s) -> s.getStepName().startsWith("evaluatePartnershipStep:"))
			.extracting((s) -> s.getStepName()).containsExactly("evaluatePartnershipStep:pan-london-2012");
		assertThat(this.jdbc.sql("select count(*) from evaluation where status = 'EVALUATED'").query(Integer.class).single())
			.isEqualTo(this.jdbc.sql("select count(*) from submission").query(Integer.class).single());
		assertThat(this.jdbc.sql("select count(*) from (select submission_id, item_id from item_rating group by submission_id, item_id "
				+ "having count(*) > 1) d").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select cycle_id from cycle_summary").query(String.class).list()).contains("pan-london-2012-havering-2024");
	}

	@Test
	void partnershipsThatShareARulePackAreEachJudgedByIt(@TempDir Path folder) throws IOException {
		// given a second partnership, Havering, whose cycle uses the Pan-London pack
		Path sample = Path.of("samples/pan-london-2012-havering-2024");
		Files.writeString(folder.resolve("cycle.yaml"), Files.readString(sample.resolve("cycle.yaml"))
			.replace("id: pan-london-2012-havering-2024", "id: havering-2025")
			.replace("partnership: pan-london-2012", "partnership: havering\npartnershipName: Havering Safeguarding Children Partnership\nrulePack: pan-london-2012"));
		Files.createDirectories(folder.resolve("submissions"));
		try (var files = Files.list(sample.resolve("submissions"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
				Files.writeString(folder.resolve("submissions").resolve(file.getFileName()), Files.readString(file)
					.replace("\"pan-london-2012-havering-2024\"", "\"havering-2025\"")
					.replace("\"partnership\": \"pan-london-2012\"", "\"partnership\": \"havering\""));
			}
		}
		String cycle = this.cycles.open(folder.resolve("cycle.yaml"));
		this.submissions.importPaths(List.of(folder.resolve("submissions")), Optional.of(cycle));

		JobExecution run = this.evaluation.evaluateOpenCycles();

		// then both partnerships' returns are evaluated by the shared pack, each partnership in its own part of the run
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.cycles.find("havering-2025")).get().satisfies((c) -> {
			assertThat(c.partnershipId()).isEqualTo("havering");
			assertThat(c.packId()).isEqualTo("pan-london-2012");
		});
		assertThat(returns("havering-2025")).isPositive();
		assertThat(unevaluated("havering-2025")).isZero();
		assertThat(this.jdbc.sql("select distinct e.pack_id from evaluation e join submission s on s.id = e.submission_id "
				+ "where s.cycle_id = 'havering-2025'").query(String.class).list()).containsExactly("pan-london-2012");
		assertThat(this.jdbc.sql("select distinct rule_name from item_rating r join submission s on s.id = r.submission_id "
				+ "where s.cycle_id = 'havering-2025'").query(String.class).list()).allMatch((rule) -> rule.startsWith("PL-"));
		assertThat(run.getStepExecutions()).extracting((s) -> s.getStepName())
			.contains("evaluatePartnershipStep:havering", "evaluatePartnershipStep:pan-london-2012");
		assertThat(this.jdbc.sql("select name from partnership where id = 'havering'").query(String.class).single())
			.isEqualTo("Havering Safeguarding Children Partnership");
	}

	@Test
	void onlyCyclesWhoseInputsChangedAreRatedAndSummarisedAgain(@TempDir Path folder) throws IOException {
		LocalDate today = LocalDate.now(java.time.Clock.system(org.s11evaluator.cycle.AuditCalendar.ZONE));
		assertThat(this.changedCycles.inScope("*", today)).extracting((c) -> c.cycle().id())
			.contains("pan-sussex-2025", "barking-and-dagenham-2025", "pan-london-2012-havering-2024");

		this.evaluation.evaluateOpenCycles();
		assertThat(this.changedCycles.inScope("*", today)).as("nothing changed since the summaries").isEmpty();

		// a corrected return changes its own cycle only
		Path corrected = Files.writeString(folder.resolve("sussex-police.json"),
				Files.readString(Path.of("samples/pan-sussex-2025/submissions/sussex-police.json")).replaceFirst("\"rating\": \"green\"", "\"rating\": \"amber\""));
		this.submissions.importPaths(List.of(corrected), Optional.empty());
		assertThat(this.changedCycles.inScope("*", today)).extracting((c) -> c.cycle().id()).containsExactly("pan-sussex-2025");

		// an agency renamed in the register changes the cycles it belongs to
		this.evaluation.evaluateOpenCycles();
		this.jdbc.sql("update agency set name = 'Renamed Police' where id = 'sussex-police'").update();
		assertThat(this.changedCycles.inScope("*", today)).extracting((c) -> c.cycle().id()).contains("pan-sussex-2025")
			.doesNotContain("barking-and-dagenham-2025");

		// and a new day on which an action falls overdue changes the cycles with actions due
		assertThat(this.changedCycles.inScope("*", today.plusYears(5))).isNotEmpty();
	}

	@Test
	void aRunScopedToSomePartnershipsEvaluatesOnlyTheirOpenCycles() {
		JobExecution run = this.evaluation.evaluateCycle("partnerships:pan-sussex,barking-and-dagenham");

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(unevaluated("pan-sussex-2025")).isZero();
		assertThat(unevaluated("barking-and-dagenham-2025")).isZero();
		assertThat(unevaluated("pan-london-2012-havering-2024")).isEqualTo(returns("pan-london-2012-havering-2024"));
		assertThat(this.jdbc.sql("select cycle_id from cycle_summary").query(String.class).list())
			.doesNotContain("pan-london-2012-havering-2024").contains("pan-sussex-2025", "barking-and-dagenham-2025");
		assertThat(this.jdbc.sql("select scope from run_report").query(String.class).single())
			.isEqualTo("partnerships:pan-sussex,barking-and-dagenham");
	}

	private int unevaluated(String cycle) {
		return this.jdbc.sql("select count(*) from submission s left join evaluation e on e.submission_id = s.id and e.status = 'EVALUATED' "
				+ "where s.cycle_id = ? and e.submission_id is null").param(cycle).query(Integer.class).single();
	}

	private int returns(String cycle) {
		return this.jdbc.sql("select count(*) from submission where cycle_id = ?").param(cycle).query(Integer.class).single();
	}

}

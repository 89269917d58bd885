package org.s11evaluator.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.support.CycleRecords;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.Folders;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A closed cycle's record is final: a rule edited after it closed changes nothing of it (results, ratings, files byte
 * for byte) while an open cycle judged by the same pack is evaluated again under the edit.
 */
@IntegrationTest
class ClosedCycleIntegrationTests {

	private static final Path RULES = Folders.temporary("closed-cycle-rules");

	private static final Path OUTPUT = Folders.temporary("closed-cycle-output");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("s11.rules.directory", RULES::toString);
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	CyclePublication publication;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void samplesEvaluatedUnderTheShippedRules() {
		Folders.empty(RULES);
		Folders.empty(OUTPUT);
		Folders.copy(Path.of("rules"), RULES);
		this.database.clean();
		this.samples.load();
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void aRuleChangedAfterClosingLeavesTheClosedCycleAsPublishedAndReevaluatesTheOpenOne() throws IOException {
		// given pan-sussex-2023 closed, and pan-sussex-2025 open, both judged by pan-sussex
		CyclePublication.Closed closed = this.publication.close("pan-sussex-2023");
		assertThat(closed.edition()).isEqualTo(1);
		Map<String, List<String>> rowsAtClose = CycleRecords.rows(this.jdbc, "pan-sussex-2023");
		Map<String, String> filesAtClose = CycleRecords.files(OUTPUT.resolve("pan-sussex-2023"));
		assertThat(filesAtClose).containsKeys("editions/1/summary.html", "editions/1/summary.pdf", "editions/1/summary.json",
				"editions/1/register-of-returns.csv", "editions/1/improvement-plan.csv", "editions/1/edition.manifest.json",
				"summary.html", "summary.manifest.json");
		assertThat(rowsAtClose.get("item_rating")).isNotEmpty();
		assertThat(rowsAtClose.get("partnership_rating")).isNotEmpty();
		String openVersionBefore = packVersionOf("pan-sussex-2025");

		// when a policy officer changes a pan-sussex rule (and its case) and the nightly run comes
		Path followUp = RULES.resolve("pan-sussex/follow-up.drl");
		Files.writeString(followUp, Files.readString(followUp).replace("$s.submittedOn().plusMonths($v.months(\"follow-up.months.red\"))",
				"$s.submittedOn().plusWeeks(2)"));
		Path cases = RULES.resolve("pan-sussex/follow-up.cases.yaml");
		Files.writeString(cases, Files.readString(cases).replace("due: 2025-04-14", "due: 2025-03-28"));
		var night = this.evaluation.evaluateOpenCycles();
		var secondNight = this.evaluation.evaluateOpenCycles();

		// then the closed cycle is exactly as it was published, rows and files
		assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(secondNight.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(CycleRecords.rows(this.jdbc, "pan-sussex-2023")).isEqualTo(rowsAtClose);
		assertThat(CycleRecords.files(OUTPUT.resolve("pan-sussex-2023"))).isEqualTo(filesAtClose);
		// and the open cycle of the same pack is evaluated under the edit
		assertThat(packVersionOf("pan-sussex-2025")).isNotEqualTo(openVersionBefore);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from evaluation e join submission s on s.id = e.submission_id
				where s.cycle_id = 'pan-sussex-2025' and e.job_execution_id = ?""", Integer.class, night.getId())).isEqualTo(13);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from evaluation e join submission s on s.id = e.submission_id
				where s.cycle_id = 'pan-sussex-2023' and e.job_execution_id = ?""", Integer.class, night.getId())).isZero();
	}

	@Test
	void namingAClosedCycleInARunEvaluatesNothingOfIt() {
		this.publication.close("pan-sussex-2023");
		Map<String, List<String>> rowsAtClose = CycleRecords.rows(this.jdbc, "pan-sussex-2023");

		var run = this.evaluation.evaluateCycle("pan-sussex-2023", true);

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(CycleRecords.rows(this.jdbc, "pan-sussex-2023")).isEqualTo(rowsAtClose);
	}

	@Test
	void aClosedCycleCannotBeClosedAgainUntilReopened() {
		this.publication.close("pan-sussex-2023");

		assertThatThrownBy(() -> this.publication.close("pan-sussex-2023")).isInstanceOf(CycleNotClosed.class)
			.hasMessageContaining("closed already (edition 1")
			.hasMessageContaining("reopen-cycle --cycle=pan-sussex-2023 --reason=");
	}

	@Test
	void closingIsRefusedWhileAReturnCannotBeEvaluatedAndSaysWhichAndWhy() throws IOException {
		// a pack whose rules no longer compile: its returns cannot be evaluated by the version in force
		Path actions = RULES.resolve("barking-and-dagenham/actions.drl");
		Files.writeString(actions, Files.readString(actions).replace("not AgencyAction(concernsStandard($r.standardId()))",
				"not AgencyAction(concernsStandrd($r.standardId()))"));

		assertThatThrownBy(() -> this.publication.close("barking-and-dagenham-2025")).isInstanceOf(CycleNotClosed.class)
			.hasMessageContaining("was not closed; it is open, as it was")
			.hasMessageContaining("barking-and-dagenham/actions.drl")
			.hasMessageContaining("concernsStandrd");
		assertThat(this.jdbc.queryForObject("select status from audit_cycle where id = 'barking-and-dagenham-2025'", String.class))
			.isEqualTo("OPEN");
		assertThat(OUTPUT.resolve("barking-and-dagenham-2025/editions")).doesNotExist();
	}

	private String packVersionOf(String cycleId) {
		return this.jdbc.queryForObject("""
				select min(e.pack_version) from evaluation e join submission s on s.id = e.submission_id where s.cycle_id = ?""",
				String.class, cycleId);
	}

}

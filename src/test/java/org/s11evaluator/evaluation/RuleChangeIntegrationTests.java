package org.s11evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.simulation.DraftSimulation;
import org.s11evaluator.simulation.ResultSnapshot;
import org.s11evaluator.simulation.ResultSnapshots;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.Folders;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;



/** Policy officers edit rule files while the application is deployed: the next run must use the edit. */
@IntegrationTest
class RuleChangeIntegrationTests {

	private static final Path RULES = copyOfRules();

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		registry.add("s11.rules.directory", RULES::toString);
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
	DraftSimulation simulation;

	@Autowired
	RunReports runReports;

	@Autowired
	ResultSnapshots snapshots;

	@BeforeEach
	void freshRulesAndSamples() throws IOException {
		try (var files = Files.walk(RULES)) {
			files.sorted(java.util.Comparator.reverseOrder()).filter((f) -> !f.equals(RULES)).forEach((f) -> f.toFile().delete());
		}
		Folders.copy(Path.of("rules"), RULES);
		this.database.clean();
		this.samples.load();
	}

	@Test
	void anEditedTimescaleChangesTheNextRunWithoutARebuild() throws IOException {
		this.evaluation.evaluateOpenCycles();
		String before = packVersion("uhsussex");
		assertThat(dueDate("uhsussex", "6.2")).isEqualTo(LocalDate.of(2025, 4, 30));

		// a rule change and its case, together
		Path followUp = RULES.resolve("pan-sussex/follow-up.drl");
		Files.writeString(followUp, Files.readString(followUp).replace("$s.submittedOn().plusMonths($v.months(\"follow-up.months.red\"))",
				"$s.submittedOn().plusWeeks(2)"));
		Path cases = RULES.resolve("pan-sussex/follow-up.cases.yaml");
		Files.writeString(cases, Files.readString(cases).replace("due: 2025-04-14", "due: 2025-03-28"));
		this.evaluation.evaluateOpenCycles();

		assertThat(dueDate("uhsussex", "6.2")).isEqualTo(LocalDate.of(2025, 4, 14));
		assertThat(packVersion("uhsussex")).isNotEqualTo(before);
	}

	@Test
	void aBrokenPackFailsOnlyItsOwnPartnershipAndKeepsItsLastGoodResults() throws IOException {
		this.evaluation.evaluateOpenCycles();
		int goodFindings = count("select count(*) from finding f join submission s on s.id = f.submission_id where s.cycle_id = 'barking-and-dagenham-2025'");
		Path actions = RULES.resolve("barking-and-dagenham/actions.drl");
		Files.writeString(actions, Files.readString(actions).replace("not AgencyAction(concernsStandard($r.standardId()))",
				"not AgencyAction(concernsStandrd($r.standardId()))"));

		var run = this.evaluation.evaluateOpenCycles();

		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.sql("""
				select e.status, count(*) from evaluation e join submission s on s.id = e.submission_id
				group by s.cycle_id, e.status order by s.cycle_id""").query((rs, i) -> rs.getString(1) + " " + rs.getInt(2)).list())
			.containsExactly("FAILED 6", "EVALUATED 5", "EVALUATED 12", "EVALUATED 13");
		assertThat(this.jdbc.sql("select distinct failure from evaluation where status = 'FAILED'").query(String.class).single())
			.contains("barking-and-dagenham/actions.drl:").contains("concernsStandrd");
		assertThat(count("select count(*) from finding f join submission s on s.id = f.submission_id where s.cycle_id = 'barking-and-dagenham-2025'"))
			.isEqualTo(goodFindings).isPositive();
		assertThat(count("select count(*) from evaluation where status = 'FAILED' and pack_version is not null")).isEqualTo(6);
		assertThat(this.runReports.recent(1)).singleElement().satisfies((report) -> {
			assertThat(report.skipped()).isEqualTo(6);
			assertThat(report.brokenPacks()).contains("barking-and-dagenham-2025 not rated (Rule pack 'barking-and-dagenham' cannot be used: ")
				.contains("actions.drl:");
			// the one-line reason names the file and line of the first problem (it ended at "cannot be used:")
			assertThat(report.skipReasons()).startsWith("6 x Rule pack 'barking-and-dagenham' cannot be used: ")
				.contains("barking-and-dagenham/actions.drl:");
		});
	}

	@Test
	void aRuleChangeThatFailsItsCasesIsNeverUsed() throws IOException {
		this.evaluation.evaluateOpenCycles();
		String before = packVersion("uhsussex");
		Files.writeString(RULES.resolve("pan-sussex/policy-values.yaml"), "follow-up.months.red: 2\n", java.nio.file.StandardOpenOption.APPEND);

		this.evaluation.evaluateOpenCycles();

		assertThat(dueDate("uhsussex", "6.2")).as("the last good result").isEqualTo(LocalDate.of(2025, 4, 30));
		assertThat(packVersion("uhsussex")).isEqualTo(before);
		assertThat(this.jdbc.sql("""
				select distinct e.failure from evaluation e join submission s on s.id = e.submission_id
				where s.cycle_id = 'pan-sussex-2025' and e.status = 'FAILED'""").query(String.class).single())
			.contains("pan-sussex/follow-up.cases.yaml", "red without an area for development is followed up within one month");
		assertThat(count("select count(*) from evaluation e join submission s on s.id = e.submission_id where s.cycle_id = 'pan-london-2012-havering-2024' and e.status = 'EVALUATED'"))
			.isEqualTo(5);
	}

	@Test
	void aSimulatedThresholdChangeShowsExactlyWhatApplyingItChanges(@org.junit.jupiter.api.io.TempDir Path drafts) throws IOException {
		// given the current results, and a draft whose values table turns red at more than 20% (amber from 15%), with its own cases
		this.evaluation.evaluateOpenCycles();
		Path draft = drafts.resolve("pan-sussex-stricter");
		Folders.copy(RULES.resolve("pan-sussex"), draft);
		Path values = draft.resolve("policy-values.yaml");
		Files.writeString(values, Files.readString(values).replace("partnership.red.more-than: 1/3", "partnership.red.more-than: 1/5")
			.replace("partnership.amber.at-least: 20%", "partnership.amber.at-least: 15%"));
		Files.writeString(draft.resolve("partnership-rating.cases.yaml"), """
				cases:
				  - name: 3 of 13 (23%) is red under the stricter threshold
				    given: { tallies: [ { item: "2.3", green: 10, amber: 3 } ] }
				    expect: { partnership: { "2.3": RED } }
				  - name: 2 of 13 (15.4%) is amber
				    given: { tallies: [ { item: "1.5", green: 11, amber: 2 } ] }
				    expect: { partnership: { "1.5": AMBER } }
				  - name: 1 of 13 is green
				    given: { tallies: [ { item: "1.1", green: 12, red: 1 } ] }
				    expect: { partnership: { "1.1": GREEN } }
				  - name: nobody rated it
				    given: { tallies: [ { item: "7.4", notApplicable: 13 } ] }
				    expect: { partnership: { "7.4": NOT_RATED } }
				""");

		// when it is simulated
		ResultSnapshot before = this.snapshots.load("pan-sussex-2025");
		DraftSimulation.Result simulated = this.simulation.simulate("pan-sussex", draft, "pan-sussex-2025");

		// then nothing live changed, and applying the draft for real gives exactly the simulated differences
		assertThat(this.snapshots.load("pan-sussex-2025")).isEqualTo(before);
		assertThat(simulated.caseFailures()).isEmpty();
		assertThat(simulated.differences()).isNotEmpty()
			.contains(new ResultSnapshot.Difference("Partnership", "partnership rating", "item 2.3", "AMBER", "RED"),
					new ResultSnapshot.Difference("Partnership", "partnership rating", "item 1.5", "GREEN", "AMBER"));
		Folders.copy(draft, RULES.resolve("pan-sussex"));
		this.evaluation.evaluateOpenCycles();
		assertThat(ResultSnapshot.differences(before, this.snapshots.load("pan-sussex-2025"))).isEqualTo(simulated.differences());
	}

	@Test
	void aRuleFileThatTriesToEscapeIsRefusedByTheNightlyRunAndBySimulationAndNeverRuns(@org.junit.jupiter.api.io.TempDir Path temp)
			throws IOException {
		// given three escapes from the attack corpus in the live Pan-Sussex pack: code execution hidden in an existing rule,
		// property navigation to the class loader, and a process started from a finding's message
		this.evaluation.evaluateOpenCycles();
		Path marker = temp.resolve("marker");
		installAttack("hidden-in-existing-rule.drl", RULES.resolve("pan-sussex/rating-scale.drl"), marker);
		installAttack("property-class-on-variable.drl", RULES.resolve("pan-sussex/attack-navigation.drl"), marker);
		installAttack("runtime-exec-in-finding.drl", RULES.resolve("pan-sussex/attack-exec.drl"), marker);

		// when the nightly run and a simulation of the same pack as a draft run
		var run = this.evaluation.evaluateOpenCycles();
		Throwable simulated = org.assertj.core.api.Assertions.catchThrowable(
				() -> this.simulation.simulate("pan-sussex", RULES.resolve("pan-sussex"), "pan-sussex-2025"));

		// then Pan-Sussex is not evaluated, with every refused line named; the other partnerships are; nothing ran
		assertThat(run.getStatus()).isNotEqualTo(BatchStatus.STARTED);
		assertThat(this.jdbc.sql("select distinct failure from evaluation where status = 'FAILED'").query(String.class).single())
			.contains("pan-sussex/rating-scale.drl:15:", "pan-sussex/attack-navigation.drl:8:", "pan-sussex/attack-exec.drl:9:")
			.contains("SUS-RAG-01");
		assertThat(count("select count(*) from evaluation e join submission s on s.id = e.submission_id where s.cycle_id not like 'pan-sussex-%' and e.status = 'EVALUATED'"))
			.isEqualTo(count("select count(*) from submission where cycle_id not like 'pan-sussex-%'")).isPositive();
		assertThat(simulated).isInstanceOf(org.s11evaluator.rules.RulePackException.class).hasMessageContaining("attack-exec.drl:9:");
		assertThat(marker).doesNotExist();
		assertThat(this.runReports.recent(1)).singleElement()
			.satisfies((report) -> assertThat(report.brokenPacks()).contains("pan-sussex-2025"));
		// and the run's lock was released: the next run starts and finishes
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isNotEqualTo(BatchStatus.STARTED);
	}

	private static void installAttack(String attack, Path target, Path marker) throws IOException {
		String text = Files.readString(Path.of("src/test/resources/rule-attacks").resolve(attack));
		Files.writeString(target, text.replace("MARKER", marker.toString()));
	}

	private LocalDate dueDate(String agency, String item) {
		return this.jdbc.sql("""
				select f.due_date from follow_up_action f join submission s on s.id = f.submission_id
				where s.cycle_id = 'pan-sussex-2025' and s.agency_id = ? and f.item_id = ?""")
			.params(agency, item)
			.query(LocalDate.class)
			.single();
	}

	private String packVersion(String agency) {
		return this.jdbc.sql("""
				select e.pack_version from evaluation e join submission s on s.id = e.submission_id
				where s.cycle_id = 'pan-sussex-2025' and s.agency_id = ?""")
			.param(agency)
			.query(String.class)
			.single();
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private static Path copyOfRules() {
		try {
			return Files.createTempDirectory("s11-rules-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

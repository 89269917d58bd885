package org.s11evaluator.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The benchmark on a tiny national data set: every figure is measured and printed from real runs (not
 * checked against any time: speed is for the benchmark itself, run as the README says), and the generated
 * data is the same for the same seed.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BenchmarkIntegrationTests {

	@Autowired
	Benchmark benchmark;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RulePacks packs;

	@Autowired
	DatabaseCleaner database;

	@BeforeEach
	void empty() {
		this.database.clean();
	}

	@Test
	void measuresAndPrintsEveryFigureOnGeneratedData() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		Benchmark.Figures figures = this.benchmark.run(new Benchmark.Options(3, 4, 7, null, false), new PrintStream(printed, true, StandardCharsets.UTF_8));

		int items = NationalData.packsUsed(this.packs).stream().mapToInt((id) -> this.packs.load(id).framework().itemCount()).sum();
		assertThat(figures.size().returns()).isEqualTo(12);
		assertThat(figures.size().responses()).isEqualTo(4L * items);
		assertThat(figures.evaluated()).isEqualTo(12);
		assertThat(figures.summariesWritten()).isEqualTo(3);
		assertThat(figures.rulesOnlyRate()).isPositive();
		assertThat(figures.readFloor()).isPositive();
		assertThat(figures.floor()).isPositive();
		assertThat(figures.resultsFloor()).isPositive();
		assertThat(figures.resultsRatio()).isPositive();
		assertThat(figures.readRatio()).isPositive();
		assertThat(figures.ratio()).isPositive();
		assertThat(figures.peakHeap()).isPositive();
		Benchmark.Split split = figures.split();
		assertThat(split.total()).as("the split adds up to the first night").isEqualTo(figures.fullRun());
		assertThat(List.of(split.evaluation(), split.ratings(), split.summaryModels(), split.summariesHtml(), split.summariesPdf(), split.other()))
			.allSatisfy((part) -> assertThat(part).isPositive());
		assertThat(figures.summaryParts().summaries()).isEqualTo(3);
		assertThat(figures.summaryParts().pages()).as("every PDF has a page at least").isGreaterThanOrEqualTo(3);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Full first night", "summaries HTML", "summaries PDF", "other (",
				"Rules only, in memory", "Read floor: plain JDBC", "Read+write floor: plain JDBC", "Read+write floor: + returns' state", "Evaluation end to end / read floor",
				"<= 3", "Evaluation end to end / read+write floor", "<= 1.3", "Second run, nothing changed", "Run after one return was corrected",
				"Peak heap");
		assertThat(this.jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = database() "
				+ "and table_name like 'floor%'", Integer.class)).as("scratch tables dropped").isZero();
		assertThat(figures.secondNight()).as("not asked for").isNull();
		assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("The first night again");
	}

	@Test
	void runsTheFirstNightAgainOnTheSameDataGeneratedAfreshWhenAskedForASecondNight() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		Benchmark.Figures figures = this.benchmark.run(new Benchmark.Options(2, 3, 9, null, true), new PrintStream(printed, true, StandardCharsets.UTF_8));

		Benchmark.SecondNight again = figures.secondNight();
		assertThat(again).isNotNull();
		assertThat(again.evaluated()).as("every return evaluated again, as on the first night").isEqualTo(6).isEqualTo(figures.evaluated());
		assertThat(again.split().total()).as("the split adds up to the second night").isEqualTo(again.fullRun());
		assertThat(List.of(again.split().evaluation(), again.split().ratings(), again.split().summariesPdf())).allSatisfy((part) -> assertThat(part).isPositive());
		assertThat(count("audit_cycle")).as("the data generated once more, not added to").isEqualTo(2);
		assertThat(count("submission")).isEqualTo(6);
		assertThat(count("evaluation")).isEqualTo(6);
		String evaluatedData = checksum();
		this.database.clean();
		NationalData.generate(this.jdbc, this.packs, 2, 3, 9);
		assertThat(checksum()).as("the same data as the first night's").isEqualTo(evaluatedData);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("The first night again, in this JVM", "evaluation ", "PDF ");
	}

	@Test
	void generatesTheSameDataFromTheSameSeed() {
		NationalData.generate(this.jdbc, this.packs, 2, 3, 42);
		String first = checksum();
		this.database.clean();
		NationalData.generate(this.jdbc, this.packs, 2, 3, 42);
		String again = checksum();
		this.database.clean();
		NationalData.generate(this.jdbc, this.packs, 2, 3, 43);

		assertThat(again).isEqualTo(first);
		assertThat(checksum()).isNotEqualTo(first);
	}

	@Test
	void storesEachGeneratedReturnsDocumentWithTheAnswersAndActionsOfItsRows() throws Exception {
		NationalData.generate(this.jdbc, this.packs, 1, 2, 5);
		long id = this.jdbc.queryForObject("select min(id) from submission", Long.class);

		com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(this.jdbc.queryForObject("select document from submission where id = ?", String.class, id));

		assertThat(document.path("responses").size())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from item_response where submission_id = ?", Integer.class, id)).isPositive();
		assertThat(document.path("actions").size())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from agency_action where submission_id = ?", Integer.class, id));
		assertThat(document.path("responses").get(0).path("rating").asText()).isEqualTo(this.jdbc.queryForObject(
				"select rating from item_response where submission_id = ? and item_id = ?", String.class, id,
				document.path("responses").get(0).path("item").asText()));
		assertThat(document.path("agency").path("id").asText())
			.isEqualTo(this.jdbc.queryForObject("select agency_id from submission where id = ?", String.class, id));
	}

	@Test
	void refusesADatabaseThatAlreadyHoldsCyclesUnlessToldToEmptyItByName() {
		NationalData.generate(this.jdbc, this.packs, 1, 1, 1);

		assertThatIllegalStateException()
			.isThrownBy(() -> this.benchmark.run(new Benchmark.Options(1, 1, 1, null, false), new PrintStream(new ByteArrayOutputStream())))
			.isInstanceOf(Benchmark.Refused.class)
			.withMessageContaining("already holds 1 audit cycle(s), all generated by an earlier benchmark")
			.withMessageContaining("--empty-database=" + databaseName());
		assertThat(count("audit_cycle")).isOne();
	}

	@Test
	void namesTheRealCyclesItRefusesToDelete() {
		NationalData.generate(this.jdbc, this.packs, 1, 1, 1);
		this.jdbc.update("insert into partnership (id, name) values ('pan-sussex', 'Pan-Sussex')");
		this.jdbc.update("""
				insert into audit_cycle (id, partnership_id, pack_id, title, opens_on, return_deadline, status)
				values ('pan-sussex-2025', 'pan-sussex', 'pan-sussex', 'Real', '2025-01-01', '2025-03-31', 'OPEN')""");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.benchmark.run(new Benchmark.Options(1, 1, 1, null, false), new PrintStream(new ByteArrayOutputStream())))
			.withMessageContaining("already holds 2 audit cycle(s), 1 of them real (not generated by the benchmark): pan-sussex-2025")
			.withMessageContaining("Nothing was deleted or generated");
		assertThat(count("audit_cycle")).isEqualTo(2);
	}

	@Test
	void refusesToEmptyADatabaseByAnotherNameAndEmptiesItByItsOwn() {
		NationalData.generate(this.jdbc, this.packs, 1, 1, 1);
		this.jdbc.update("insert into partnership (id, name) values ('pan-sussex', 'Pan-Sussex')");
		this.jdbc.update("""
				insert into audit_cycle (id, partnership_id, pack_id, title, opens_on, return_deadline, status)
				values ('pan-sussex-2025', 'pan-sussex', 'pan-sussex', 'Real', '2025-01-01', '2025-03-31', 'OPEN')""");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.benchmark.run(new Benchmark.Options(1, 1, 1, "wrongname", false), new PrintStream(new ByteArrayOutputStream())))
			.withMessage("--empty-database=wrongname does not name the configured database, which is '" + databaseName()
					+ "'. Nothing was deleted or generated.");
		assertThat(count("audit_cycle")).isEqualTo(2);

		Benchmark.Figures figures = this.benchmark.run(new Benchmark.Options(1, 2, 1, databaseName(), false), new PrintStream(new ByteArrayOutputStream()));

		assertThat(figures.evaluated()).isEqualTo(2);
		assertThat(this.jdbc.queryForList("select id from audit_cycle", String.class)).containsExactly("partnership-000-2026");
	}

	@Test
	void itsCommandRefusesAWrongDatabaseNameOrAMisspeltOptionAndChangesNothing(CapturedOutput output) {
		NationalData.generate(this.jdbc, this.packs, 1, 1, 1);
		TestDatabase.Connection db = TestDatabase.get();

		assertThat(BenchmarkCommand.run("--partnership=1")).isEqualTo(2);
		assertThat(BenchmarkCommand.run("--partnerships=1", "--agencies=1", "--empty-database=wrongname", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password())).isEqualTo(2);

		assertThat(output.getErr()).contains("benchmark: unknown option --partnership=1. Did you mean --partnerships?",
				"--empty-database=wrongname does not name the configured database, which is '" + databaseName() + "'. Nothing was deleted or generated.");
		assertThat(output).doesNotContain("item responses and", "Full first night");
		assertThat(this.jdbc.queryForList("select id from audit_cycle", String.class)).containsExactly("partnership-000-2026");
	}

	private String databaseName() {
		return this.jdbc.queryForObject("select database()", String.class);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private String checksum() {
		return this.jdbc.queryForObject("""
				select concat(count(*), ':', sum(crc32(concat_ws('|', s.agency_id, r.item_id, r.rating, r.evidence_text, r.last_reviewed))))
				from item_response r join submission s on s.id = r.submission_id""", String.class)
				+ this.jdbc.queryForObject("select concat(count(*), ':', sum(crc32(concat_ws('|', item_id, due_date)))) from agency_action", String.class)
				+ this.jdbc.queryForObject("select sum(crc32(document)) from submission", String.class);
	}

}

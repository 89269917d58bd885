package org.s11evaluator.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The benchmark on a tiny national data set: every figure is measured and printed from real runs (not
 * checked against any time: speed is for the benchmark itself, run as the README says), and the generated
 * data is the same for the same seed.
 */
@IntegrationTest
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

		Benchmark.Figures figures = this.benchmark.run(new Benchmark.Options(3, 4, 7, false), new PrintStream(printed, true, StandardCharsets.UTF_8));

		int items = this.packs.ids().stream().mapToInt((id) -> this.packs.load(id).framework().itemCount()).sum();
		assertThat(figures.size().returns()).isEqualTo(12);
		assertThat(figures.size().responses()).isEqualTo(4L * items);
		assertThat(figures.evaluated()).isEqualTo(12);
		assertThat(figures.summariesWritten()).isEqualTo(3);
		assertThat(figures.rulesOnlyRate()).isPositive();
		assertThat(figures.floor()).isPositive();
		assertThat(figures.peakHeap()).isPositive();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Full national run", "Rules only, in memory", "Floor: plain JDBC",
				"Evaluation end to end / floor", "Second run, nothing changed", "Run after one return was corrected", "Peak heap");
		assertThat(this.jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = database() "
				+ "and table_name like 'floor%'", Integer.class)).as("scratch tables dropped").isZero();
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
	void refusesADatabaseThatAlreadyHoldsCyclesUnlessAskedToReset() {
		NationalData.generate(this.jdbc, this.packs, 1, 1, 1);

		assertThatIllegalStateException()
			.isThrownBy(() -> this.benchmark.run(new Benchmark.Options(1, 1, 1, false), new PrintStream(new ByteArrayOutputStream())))
			.withMessageContaining("already holds 1 audit cycle(s)").withMessageContaining("--reset");
	}

	private String checksum() {
		return this.jdbc.queryForObject("""
				select concat(count(*), ':', sum(crc32(concat_ws('|', s.agency_id, r.item_id, r.rating, r.evidence_text, r.last_reviewed))))
				from item_response r join submission s on s.id = r.submission_id""", String.class)
				+ this.jdbc.queryForObject("select concat(count(*), ':', sum(crc32(concat_ws('|', item_id, due_date)))) from agency_action", String.class);
	}

}

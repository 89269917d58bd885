package org.s11evaluator.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.changes.ChangedCycles;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.Folders;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly cost stays flat as history grows: with ten years of closed cycles behind the open ones, a run with
 * nothing changed reads the inputs of exactly as many cycles, selects as many returns and writes as many summaries
 * as with one closed cycle (counted, not timed; the times are printed).
 */
@IntegrationTest
class TenYearsOfClosedCyclesIntegrationTests {

	private static final Path OUTPUT = Folders.temporary("ten-years-output");

	private static final Path HISTORY = Folders.temporary("ten-years-cycles");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	CyclePublication publication;

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
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void samplesWithTheirLastCycleClosed() {
		Folders.empty(OUTPUT);
		Folders.empty(HISTORY);
		this.database.clean();
		this.samples.load();
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		this.publication.close("pan-sussex-2023");
	}

	@Test
	void aNightWithNothingChangedCostsTheSameWithTenYearsOfClosedCyclesAsWithOne() throws IOException {
		// given one closed cycle behind the open ones: the cost of a night with nothing new
		this.evaluation.evaluateOpenCycles(); // the open cycles take in their predecessor's edition
		Night withOne = night();

		// when ten more years of closed cycles are behind them
		for (int year = 2013; year <= 2022; year++) {
			closedYear(year);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from audit_cycle where status = 'CLOSED'", Integer.class)).isEqualTo(11);
		assertThat(this.jdbc.queryForObject("select count(*) from cycle_edition", Integer.class)).isEqualTo(11);
		this.evaluation.evaluateOpenCycles();
		Night withTen = night();

		// then the night considers the same cycles and does the same work: nothing
		System.out.printf("Night with nothing changed: 1 closed cycle %d ms (%d cycles' inputs read); 11 closed cycles %d ms (%d cycles' inputs read)%n",
				withOne.millis(), withOne.cyclesRead(), withTen.millis(), withTen.cyclesRead());
		assertThat(withOne.cyclesRead()).as("the three open cycles, and pan-sussex-2025's predecessor pan-sussex-2023").isEqualTo(3 + 1);
		assertThat(withTen.cyclesRead()).isEqualTo(withOne.cyclesRead());
		assertThat(withTen.evaluated()).isEqualTo(withOne.evaluated()).isZero();
		assertThat(withTen.partitions()).isEqualTo(withOne.partitions()).isZero();
		assertThat(withTen.summariesWritten()).isEqualTo(withOne.summariesWritten()).isZero();
	}

	/** What a night's run did, and how long it took. */
	record Night(int cyclesRead, int evaluated, long partitions, int summariesWritten, long millis) {
	}

	private Night night() {
		long started = System.nanoTime();
		JobExecution run = this.evaluation.evaluateOpenCycles();
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// read once, before the ratings and summaries are started or decided away
		int cyclesRead = run.getExecutionContext().getInt(ChangedCycles.CYCLES_READ);
		long partitions = run.getStepExecutions().stream().filter((s) -> s.getStepName().startsWith("evaluatePartnershipStep")).count();
		return new Night(cyclesRead, RunReports.evaluated(run), partitions, RunReports.summariesWritten(run), millis);
	}

	/** A closed cycle of pan-sussex in an earlier year, with three returns, evaluated and published. */
	private void closedYear(int year) throws IOException {
		String id = "pan-sussex-" + year;
		Path folder = Files.createDirectories(HISTORY.resolve(id));
		List<String> agencies = List.of("uhsussex", "esht", "sussex-police");
		Files.writeString(folder.resolve("cycle.yaml"), """
				id: %s
				partnership: pan-sussex
				title: Pan-Sussex section 11 audit %d
				opens: %d-01-09
				returnDeadline: %d-03-31
				agencies:
				  - id: uhsussex
				    name: "University Hospitals Sussex NHS Foundation Trust"
				  - id: esht
				    name: "East Sussex Healthcare NHS Trust"
				  - id: sussex-police
				    name: "Sussex Police"
				""".formatted(id, year, year, year));
		this.cycles.open(folder.resolve("cycle.yaml"));
		for (String agency : agencies) {
			ObjectNode doc = (ObjectNode) this.json.readTree(Path.of("samples/pan-sussex-2023/submissions", agency + ".json").toFile());
			doc.put("cycle", id).put("submittedAt", year + "-03-01T10:00:00Z");
			Files.writeString(folder.resolve(agency + ".json"), this.json.writeValueAsString(doc));
		}
		ImportReport imported = this.submissions.importPaths(List.of(folder), Optional.of(id));
		assertThat(imported.count(ImportReport.Outcome.IMPORTED)).as(id).isEqualTo(3);
		assertThat(this.publication.close(id).edition()).isEqualTo(1);
	}

}

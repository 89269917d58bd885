package org.s11evaluator.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleException;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.reporting.CycleSummaries;
import org.s11evaluator.reporting.CycleSummary;
import org.s11evaluator.reporting.CycleSummaryQuery;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A return from an agency the cycle does not list: imported and flagged by default, rejected when the cycle says so. */
@IntegrationTest
class UnexpectedAgencyIntegrationTests {

	private static final Path SUSSEX = Path.of("samples/pan-sussex-2025");

	@Autowired
	SubmissionImport submissions;

	@Autowired
	CycleManagement cycles;

	@Autowired
	CycleSummaryQuery summaryQuery;

	@Autowired
	CycleSummaries summaries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseCleaner database;

	@TempDir
	Path folder;

	@BeforeEach
	void clean() {
		this.database.clean();
	}

	@Test
	void byDefaultTheReturnIsImportedAndFlaggedInTheReportAndTheRegister() throws IOException {
		// given the sample cycle without its unexpectedAgencies line, and a folder with a stranger's return
		Path cycleFile = cycleSaying("");
		this.cycles.open(cycleFile);
		Path returns = returnsWithAStranger();

		ImportReport report = this.submissions.importPaths(List.of(returns), Optional.empty());

		assertThat(report.files()).extracting(ImportReport.FileResult::outcome).containsExactly(ImportReport.Outcome.IMPORTED,
				ImportReport.Outcome.IMPORTED, ImportReport.Outcome.IMPORTED);
		assertThat(report.lines(returns.toString())).containsSubsequence(
				"Imported " + returns + ": 3 new, 0 replaced, 0 unchanged, 0 older (not applied), 0 rejected",
				"  1 file(s) imported with a flag, listed below as FLAGGED",
				"  FLAGGED " + returns.resolve("b-stranger.json") + " (imported): 1 flag, logged above");
		assertThat(report.files()).filteredOn((file) -> file.source().endsWith("b-stranger.json")).singleElement()
			.satisfies((file) -> assertThat(file.warnings()).containsExactly(
					"agency \"stranger-trust\" is not on the list of agencies expected to return in cycle \"pan-sussex-2025\" (the agencies of "
							+ cycleFile.toAbsolutePath() + "): flagged in the register of returns"));
		// and the board summary's register names it as not expected, its name escaped
		CycleSummary summary = this.summaryQuery.build("pan-sussex-2025", LocalDate.of(2025, 10, 1));
		assertThat(summary.register()).filteredOn((r) -> r.agencyId().equals("stranger-trust")).singleElement()
			.satisfies((r) -> assertThat(r.expected()).isFalse());
		assertThat(summary.participation().fromUnexpectedAgencies()).isOne();
		assertThat(this.summaries.html(summary)).contains("Stranger &amp; &lt;Partners&gt; NHS Trust</span><span class=\"small\"> (not on the expected list)")
			.doesNotContain("<Partners>");
	}

	@Test
	void aCycleThatRejectsOtherAgenciesRejectsTheReturnNamingTheAgencyAndTheListAndImportsTheRest() throws IOException {
		// given a cycle that says unexpectedAgencies: reject
		Path cycleFile = cycleSaying("unexpectedAgencies: reject\n");
		this.cycles.open(cycleFile);
		Path returns = returnsWithAStranger();

		ImportReport report = this.submissions.importPaths(List.of(returns), Optional.of("pan-sussex-2025"));

		assertThat(report.files()).extracting(ImportReport.FileResult::outcome).containsExactly(ImportReport.Outcome.IMPORTED,
				ImportReport.Outcome.REJECTED, ImportReport.Outcome.IMPORTED);
		assertThat(report.files().get(1).problems()).extracting(ImportProblem::toString).singleElement().asString()
			.startsWith("line 1, column ").contains("(agency.id): agency \"stranger-trust\" is not on the list of agencies expected to return in cycle"
					+ " \"pan-sussex-2025\" (the agencies of " + cycleFile.toAbsolutePath() + "), and the cycle refuses returns from other agencies"
					+ " (unexpectedAgencies: reject)");
		assertThat(this.jdbc.sql("select count(*) from submission").query(Integer.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select agency_id from rejected_submission").query(String.class).single()).isEqualTo("stranger-trust");
		assertThat(this.jdbc.sql("select r.message from rejection_reason r").query(String.class).single()).contains("unexpectedAgencies: reject");
	}

	@Test
	void aMisspeltSettingStopsTheCycleFromOpening() throws IOException {
		Path cycleFile = cycleSaying("unexpectedAgencies: refuse\n");

		assertThatThrownBy(() -> this.cycles.open(cycleFile)).isInstanceOf(CycleException.class)
			.hasMessageContaining("unexpectedAgencies must be accept or reject, not \"refuse\"");
	}

	/** The sample cycle with its unexpectedAgencies line replaced. */
	private Path cycleSaying(String setting) throws IOException {
		String sample = Files.readString(SUSSEX.resolve("cycle.yaml"));
		assertThat(sample).contains("unexpectedAgencies: accept\n");
		return Files.writeString(this.folder.resolve("cycle.yaml"), sample.replace("unexpectedAgencies: accept\n", setting));
	}

	private Path returnsWithAStranger() throws IOException {
		Path returns = Files.createDirectories(this.folder.resolve("returns"));
		Files.copy(SUSSEX.resolve("submissions/esht.json"), returns.resolve("a-esht.json"));
		ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(SUSSEX.resolve("submissions/sussex-police.json").toFile());
		((ObjectNode) doc.get("agency")).put("id", "stranger-trust").put("name", "Stranger & <Partners> NHS Trust");
		Files.writeString(returns.resolve("b-stranger.json"), doc.toString());
		Files.copy(SUSSEX.resolve("submissions/uhsussex.json"), returns.resolve("c-uhsussex.json"));
		return returns;
	}

}

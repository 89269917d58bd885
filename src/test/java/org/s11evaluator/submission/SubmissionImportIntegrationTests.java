package org.s11evaluator.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SubmissionImportIntegrationTests {

	private static final Path SUSSEX = Path.of("samples/pan-sussex-2025");

	@Autowired
	SubmissionImport submissions;

	@Autowired
	CycleManagement cycles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseCleaner database;

	@TempDir
	Path folder;

	@BeforeEach
	void openSussexCycle() {
		this.database.clean();
		this.cycles.open(SUSSEX.resolve("cycle.yaml"));
	}

	@Test
	void importsEveryGoodReturnOfAFolderAndRecordsEachBadOneWithItsReasons() {
		ImportReport report = this.submissions.importPaths(List.of(SUSSEX.resolve("submissions")), Optional.of("pan-sussex-2025"));

		assertThat(report.count(ImportReport.Outcome.IMPORTED)).isEqualTo(13);
		assertThat(report.count(ImportReport.Outcome.REJECTED)).isEqualTo(3);
		assertThat(count("select count(*) from submission")).isEqualTo(13);
		assertThat(count("select count(*) from rejected_submission")).isEqualTo(3);
		assertThat(this.jdbc.sql("""
				select r.location, r.item_id, r.message from rejection_reason r join rejected_submission s on s.id = r.rejected_submission_id
				where s.source like '%zz-bad-unknown-item.json' order by r.position""").query().listOfRows())
			.extracting((row) -> row.get("location") + " " + row.get("item_id"))
			.containsExactly("$.responses[12].rating 3.2", "$.responses[28].item 6.9");
		assertThat(this.jdbc.sql("select agency_id from rejected_submission where source like '%zz-bad-malformed.json'")
			.query(String.class).single()).as("agency named in a malformed file").isEqualTo("brighton-carers-centre");
	}

	@Test
	void importingTheSameReturnsAgainChangesNothing() {
		this.submissions.importPaths(List.of(SUSSEX.resolve("submissions")), Optional.empty());
		int responses = count("select count(*) from item_response");

		ImportReport again = this.submissions.importPaths(List.of(SUSSEX.resolve("submissions")), Optional.empty());

		assertThat(again.count(ImportReport.Outcome.UNCHANGED)).isEqualTo(13);
		assertThat(count("select count(*) from submission")).isEqualTo(13);
		assertThat(count("select count(*) from item_response")).isEqualTo(responses);
		assertThat(count("select count(*) from rejected_submission")).isEqualTo(3);
	}

	@Test
	void aCorrectedReturnReplacesTheEarlierVersion() throws IOException {
		Path original = SUSSEX.resolve("submissions/sussex-police.json");
		this.submissions.importPaths(List.of(original), Optional.empty());
		String corrected = Files.readString(original).replaceFirst("\"rating\": \"green\"", "\"rating\": \"red\"");
		Path file = Files.writeString(this.folder.resolve("sussex-police-corrected.json"), corrected);

		ImportReport report = this.submissions.importPaths(List.of(file), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((f) -> assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.REPLACED));
		assertThat(this.jdbc.sql("select version from submission where agency_id = 'sussex-police'").query(Integer.class).single()).isEqualTo(2);
		assertThat(count("select count(*) from item_response r join submission s on s.id = r.submission_id where s.agency_id = 'sussex-police' and r.item_id = '1.1' and r.rating = 'red'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from submission")).isEqualTo(1);
	}

	@Test
	void anOlderVersionDoesNotOverwriteANewerOne() throws IOException {
		Path original = SUSSEX.resolve("submissions/sussex-police.json");
		this.submissions.importPaths(List.of(original), Optional.empty());
		String older = Files.readString(original).replace("\"submittedAt\": \"2025-03-14", "\"submittedAt\": \"2025-02-01")
			.replaceFirst("\"rating\": \"green\"", "\"rating\": \"red\"");
		Path file = Files.writeString(this.folder.resolve("older.json"), older);

		ImportReport report = this.submissions.importPaths(List.of(file), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((f) -> assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.OLDER));
		assertThat(this.jdbc.sql("select version from submission where agency_id = 'sussex-police'").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aReturnsTextCannotForgeLogLines(CapturedOutput output) throws IOException {
		// given a return, in a file whose name holds a line break, naming an item with a forged log line in it
		ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(SUSSEX.resolve("submissions/sussex-police.json").toFile());
		((ArrayNode) doc.get("responses")).addObject().put("item", "9.9\n2026-01-01 INFO forged: all returns accepted").put("rating", "green");
		Path file = Files.writeString(this.folder.resolve("police\n2026-01-01 INFO forged file.json"), doc.toString());

		ImportReport report = this.submissions.importPaths(List.of(file), Optional.of("pan-sussex-2025"));

		assertThat(report.count(ImportReport.Outcome.REJECTED)).isOne();
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("2026-01-01"))
			.anyMatch((line) -> line.contains("Rejected ") && line.contains("police\\n2026-01-01 INFO forged file.json")
					&& line.contains("9.9\\n2026-01-01 INFO forged: all returns accepted"));
	}

	@Test
	void aReturnForAnotherCycleThanTheImportNamesIsRejected() {
		ImportReport report = this.submissions.importPaths(List.of(SUSSEX.resolve("submissions/sussex-police.json")),
				Optional.of("barking-and-dagenham-2025"));

		assertThat(report.files()).singleElement().satisfies((f) -> {
			assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
			assertThat(f.problems()).extracting(ImportProblem::location).containsExactly("$.cycle");
		});
	}

	@Test
	void anEmptyFileIsRejectedNotCrashed() throws IOException {
		Path empty = Files.writeString(this.folder.resolve("empty.json"), "");

		ImportReport report = this.submissions.importPaths(List.of(empty), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((f) -> assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.REJECTED));
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}

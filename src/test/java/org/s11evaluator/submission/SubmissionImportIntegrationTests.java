package org.s11evaluator.submission;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.sql.SQLException;
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
import org.springframework.dao.DataIntegrityViolationException;
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
			.containsExactly("line 83, column 17 (responses[12].rating) 3.2", "line 151, column 15 (responses[28].item) 6.9");
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
			assertThat(f.problems()).extracting(ImportProblem::location).containsExactly("line 4, column 12 (cycle)");
		});
	}

	@Test
	void anEmptyFileIsRejectedNotCrashed() throws IOException {
		Path empty = Files.writeString(this.folder.resolve("empty.json"), "");

		ImportReport report = this.submissions.importPaths(List.of(empty), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((f) -> assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.REJECTED));
	}

	@Test
	void aReturnWithEvidenceOverTheLimitIsRejectedAndTheFilesAroundItAreImported() throws IOException {
		// given a 70 KB evidence text (more than a text column holds) in a file between two good returns
		Files.copy(SUSSEX.resolve("submissions/esht.json"), this.folder.resolve("a-esht.json"));
		ObjectNode doc = read("sussex-police.json");
		((ObjectNode) doc.get("responses").get(0).get("evidence")).put("text", "x".repeat(70 * 1024));
		Files.writeString(this.folder.resolve("b-police-long-evidence.json"), doc.toString());
		Files.copy(SUSSEX.resolve("submissions/uhsussex.json"), this.folder.resolve("c-uhsussex.json"));

		ImportReport report = this.submissions.importPaths(List.of(this.folder), Optional.of("pan-sussex-2025"));

		assertThat(report.files()).extracting(ImportReport.FileResult::outcome).containsExactly(ImportReport.Outcome.IMPORTED,
				ImportReport.Outcome.REJECTED, ImportReport.Outcome.IMPORTED);
		assertThat(report.files().get(1).problems()).singleElement().satisfies((p) -> {
			assertThat(p.location()).matches("line 1, column \\d+ \\(responses\\[0\\]\\.evidence\\.text\\)");
			assertThat(p.itemId()).isEqualTo("1.1");
			assertThat(p.message()).isEqualTo("is 71,680 characters long; it may be at most 16,000 characters");
		});
		assertThat(count("select count(*) from submission")).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				select r.message from rejection_reason r join rejected_submission s on s.id = r.rejected_submission_id
				where s.source like '%b-police-long-evidence.json'""").query(String.class).single()).contains("at most 16,000 characters");
	}

	@Test
	void aNameLongerThanItsColumnIsRejected() throws IOException {
		ObjectNode doc = read("sussex-police.json");
		((ObjectNode) doc.get("completedBy")).put("name", "n".repeat(300));
		Path file = Files.writeString(this.folder.resolve("long-name.json"), doc.toString());

		ImportReport report = this.submissions.importPaths(List.of(file), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((f) -> {
			assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
			assertThat(f.problems()).extracting(ImportProblem::toString)
				.singleElement().asString().matches("line 1, column \\d+ \\(completedBy\\.name\\): is 300 characters long; it may be at most 255 characters");
		});
		assertThat(count("select count(*) from rejected_submission")).isOne();
		assertThat(count("select count(*) from submission")).isZero();
	}

	@Test
	void aFileOverTheSizeLimitIsRejectedWithoutBeingRead() throws IOException {
		// given a sparse 36 MB file: it takes no room on disk, and reading it whole would take 36 MB of memory
		Path big = this.folder.resolve("a-huge.json");
		try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(36L * 1024 * 1024);
		}
		Files.copy(SUSSEX.resolve("submissions/esht.json"), this.folder.resolve("b-esht.json"));

		long started = System.nanoTime();
		ImportReport report = this.submissions.importPaths(List.of(this.folder), Optional.empty());
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(report.files()).extracting(ImportReport.FileResult::outcome)
			.containsExactly(ImportReport.Outcome.REJECTED, ImportReport.Outcome.IMPORTED);
		assertThat(report.files().get(0).problems()).extracting(ImportProblem::message)
			.containsExactly("the file is 36 MB; a return may be at most 5 MB");
		assertThat(this.jdbc.sql("select length(content) from rejected_submission").query(Integer.class).single()).isZero();
		assertThat(millis).as("not read").isLessThan(5_000);
	}

	@Test
	void theSizeLimitIsCheckedBeforeTheFileIsParsed() throws IOException {
		this.submissions.maxFileBytes(1_000);
		try {
			ImportReport report = this.submissions.importPaths(List.of(SUSSEX.resolve("submissions/sussex-police.json")), Optional.empty());

			assertThat(report.files()).singleElement().satisfies((f) -> {
				assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
				assertThat(f.problems()).extracting(ImportProblem::message).singleElement().asString()
					.matches("the file is [0-9,]+ bytes; a return may be at most 1,000 bytes");
			});
		}
		finally {
			this.submissions.maxFileBytes(SubmissionImport.DEFAULT_MAX_FILE_BYTES);
		}
	}

	@Test
	void aKeyGivenTwiceIsRejectedWithItsLineAndColumn() throws IOException {
		String content = Files.readString(SUSSEX.resolve("submissions/sussex-police.json"))
			.replaceFirst("\"rating\": \"green\",", "\"rating\": \"green\", \"rating\": \"red\",");
		Path file = Files.writeString(this.folder.resolve("duplicate.json"), content);

		ImportReport report = this.submissions.importPaths(List.of(file), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((f) -> {
			assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
			assertThat(f.problems()).singleElement().satisfies((p) -> {
				assertThat(p.location()).matches("line 20, column \\d+");
				assertThat(p.message()).isEqualTo("the key \"rating\" appears twice in the same object: each key may be given once");
			});
		});
		assertThat(count("select count(*) from submission")).isZero();
		assertThat(count("select count(*) from rejected_submission")).isOne();
	}

	@Test
	void aReturnFromAnAgencyTheCycleDoesNotExpectIsFlagged(CapturedOutput output) throws IOException {
		ObjectNode doc = read("sussex-police.json");
		((ObjectNode) doc.get("agency")).put("id", "not-expected-agency").put("name", "Not Expected");
		Path file = Files.writeString(this.folder.resolve("unexpected.json"), doc.toString());

		ImportReport report = this.submissions.importPaths(List.of(file), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((f) -> {
			assertThat(f.outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
			assertThat(f.warnings()).containsExactly("agency \"not-expected-agency\" is not on the list of agencies expected to return in cycle"
					+ " \"pan-sussex-2025\" (the agencies of " + SUSSEX.resolve("cycle.yaml").toAbsolutePath()
					+ "): flagged in the register of returns");
		});
		assertThat(output.getOut()).contains("WARN").contains("agency \"not-expected-agency\" is not on the list");
		ImportReport expected = this.submissions.importPaths(List.of(SUSSEX.resolve("submissions/esht.json")), Optional.empty());
		assertThat(expected.files()).singleElement().satisfies((f) -> assertThat(f.warnings()).isEmpty());
	}

	@Test
	void aFileTheDatabaseRefusesIsRejectedWithTheReasonAndTheNextFileIsImported() throws IOException {
		// given a column narrower than the validator's limit, so that the database itself refuses a good return
		Files.copy(SUSSEX.resolve("submissions/esht.json"), this.folder.resolve("a-esht.json"));
		ObjectNode doc = read("sussex-police.json");
		((ObjectNode) doc.get("completedBy")).put("name", "A name longer than twenty");
		Files.writeString(this.folder.resolve("b-police.json"), doc.toString());
		Files.copy(SUSSEX.resolve("submissions/uhsussex.json"), this.folder.resolve("c-uhsussex.json"));
		this.jdbc.sql("alter table submission modify completed_by_name varchar(20) not null").update();
		try {
			ImportReport report = this.submissions.importPaths(List.of(this.folder), Optional.empty());

			assertThat(report.files()).extracting(ImportReport.FileResult::outcome).containsExactly(ImportReport.Outcome.IMPORTED,
					ImportReport.Outcome.REJECTED, ImportReport.Outcome.IMPORTED);
			assertThat(report.files().get(1).problems()).extracting(ImportProblem::message)
				.containsExactly("could not be stored: completedBy.name (at most 255 characters) is too long to be stored");
			assertThat(this.jdbc.sql("select agency_id from rejected_submission where source like '%b-police.json'")
				.query(String.class).single()).isEqualTo("sussex-police");
			assertThat(count("select count(*) from submission")).isEqualTo(2);
		}
		finally {
			this.jdbc.sql("alter table submission modify completed_by_name varchar(255) not null").update();
		}
	}

	@Test
	void aDatabaseErrorIsReportedInPlainWordsNamingTheField() {
		RuntimeException error = new DataIntegrityViolationException("PreparedStatementCallback; bad SQL",
				new SQLException("Data too long for column 'evidence_text' at row 1"));

		assertThat(SubmissionImport.reason(error)).isEqualTo("an evidence text (at most 16000 characters) is too long to be stored");
	}

	private ObjectNode read(String name) throws IOException {
		return (ObjectNode) new ObjectMapper().readTree(SUSSEX.resolve("submissions").resolve(name).toFile());
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

}

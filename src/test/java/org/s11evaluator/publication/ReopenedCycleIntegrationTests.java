package org.s11evaluator.publication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditEntry;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.reporting.CycleSummary;
import org.s11evaluator.reporting.CycleSummaryQuery;
import org.s11evaluator.reporting.Editions;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
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
 * A closed cycle takes no returns; reopened with a reason, corrected and closed again, it has a second edition beside
 * the untouched first, and its history shows every step. The next cycle's "progress since" reads the published
 * edition of the one before, not its ratings as they are now.
 */
@IntegrationTest
class ReopenedCycleIntegrationTests {

	private static final Path OUTPUT = Folders.temporary("reopened-cycle-output");

	private static final Path RETURNS = Folders.temporary("reopened-cycle-returns");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
		registry.add("s11.operator", () -> "Robin Operator");
	}

	@Autowired
	CyclePublication publication;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	Editions editions;

	@Autowired
	AuditTrail audit;

	@Autowired
	CycleSummaryQuery summaries;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void samplesEvaluated() {
		Folders.empty(OUTPUT);
		Folders.empty(RETURNS);
		this.database.clean();
		this.samples.load();
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void aCorrectionAfterReopeningIsPublishedAsEditionTwoBesideTheUntouchedFirst() throws IOException {
		// given pan-sussex-2023 closed as edition 1
		this.publication.close("pan-sussex-2023");
		Map<String, String> editionOne = CycleRecords.files(this.editions.folder("pan-sussex-2023", 1));
		Path correction = corrected("uhsussex", (doc) -> ((com.fasterxml.jackson.databind.node.ObjectNode) doc)
			.put("submittedAt", "2023-04-28T09:00:00Z").put("outstandingPractice", "Corrected after the board: <b>new</b> pilot & more"));

		// when a corrected return comes for it, it is refused, saying how to reopen; nothing is stored
		ImportReport refused = this.submissions.importPaths(List.of(correction), Optional.empty());
		assertThat(refused.files()).singleElement().satisfies((file) -> {
			assertThat(file.outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
			assertThat(file.problems()).singleElement().asString().contains("cycle \"pan-sussex-2023\" is closed (edition 1 published)")
				.contains("reopen-cycle --cycle=pan-sussex-2023 --reason=");
		});
		assertThat(this.jdbc.queryForObject("select count(*) from rejected_submission where cycle_id = 'pan-sussex-2023'", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select max(version) from submission where cycle_id = 'pan-sussex-2023' and agency_id = 'uhsussex'",
				Integer.class)).isEqualTo(1);
		// reopening needs a reason
		assertThatThrownBy(() -> this.publication.reopen("pan-sussex-2023", " ")).hasMessageContaining("needs --reason=");

		// when it is reopened with a reason, corrected and closed again
		this.publication.reopen("pan-sussex-2023", "UHSussex sent a corrected return after the board");
		ImportReport replaced = this.submissions.importPaths(List.of(correction), Optional.empty());
		CyclePublication.Closed second = this.publication.close("pan-sussex-2023");

		// then edition 2 sits beside edition 1, which is byte for byte as it was; the live folder shows edition 2
		assertThat(replaced.count(ImportReport.Outcome.REPLACED)).isEqualTo(1);
		assertThat(second.edition()).isEqualTo(2);
		assertThat(CycleRecords.files(this.editions.folder("pan-sussex-2023", 1))).isEqualTo(editionOne);
		Map<String, String> editionTwo = CycleRecords.files(this.editions.folder("pan-sussex-2023", 2));
		assertThat(editionTwo.get("summary.json")).isNotEqualTo(editionOne.get("summary.json"));
		assertThat(this.editions.verify("pan-sussex-2023", Optional.of(1)).problems()).isEmpty();
		assertThat(this.editions.verify("pan-sussex-2023", Optional.empty())).satisfies((v) -> {
			assertThat(v.edition()).isEqualTo(2);
			assertThat(v.problems()).isEmpty();
		});
		Path live = OUTPUT.resolve("pan-sussex-2023");
		for (String file : List.of("summary.html", "summary.pdf", "summary.json", "register-of-returns.csv", "improvement-plan.csv")) {
			assertThat(CycleRecords.sha256(Files.readAllBytes(live.resolve(file)))).as(file).isEqualTo(editionTwo.get(file));
		}
		assertThat(this.json.readTree(live.resolve("summary.manifest.json").toFile()).get("edition").asInt()).isEqualTo(2);
		JsonNode manifest = this.json.readTree(this.editions.folder("pan-sussex-2023", 2).resolve("edition.manifest.json").toFile());
		assertThat(manifest.get("packVersion").asText()).isEqualTo(second.packVersion()).hasSize(64);
		assertThat(manifest.get("inputs")).hasSize(12);
		assertThat(manifest.get("builtBy").asText()).isEqualTo("Robin Operator");

		// and the history shows every step, in order, with who and why
		List<AuditEntry> history = this.audit.history("pan-sussex-2023");
		assertThat(history).extracting(AuditEntry::action).containsSubsequence(AuditAction.IMPORT_ACCEPTED, AuditAction.EVALUATION_RUN,
				AuditAction.PACK_VERSION_FIRST_USED, AuditAction.CLOSED, AuditAction.IMPORT_REJECTED, AuditAction.REOPENED, AuditAction.IMPORT_REPLACED,
				AuditAction.EVALUATION_RUN, AuditAction.CLOSED);
		assertThat(history).filteredOn((e) -> e.action() == AuditAction.IMPORT_ACCEPTED).hasSize(12);
		assertThat(history).filteredOn((e) -> e.action() == AuditAction.REOPENED).singleElement().satisfies((e) -> {
			assertThat(e.reason()).isEqualTo("UHSussex sent a corrected return after the board");
			assertThat(e.actor()).isEqualTo("Robin Operator");
		});
		assertThat(history).filteredOn((e) -> e.action() == AuditAction.CLOSED).extracting(AuditEntry::subject)
			.containsExactly("edition 1", "edition 2");
		// the published summary carries the history to its closing, escaped in the HTML
		String html = Files.readString(this.editions.folder("pan-sussex-2023", 2).resolve("summary.html"));
		assertThat(html).contains("History of this cycle").contains("UHSussex sent a corrected return after the board")
			.contains("Corrected after the board: &lt;b&gt;new&lt;/b&gt; pilot &amp; more").doesNotContain("<b>new</b>");
	}

	@Test
	void progressSinceThePreviousCycleReadsItsPublishedEditionNotItsRatingsNow() throws IOException {
		// given pan-sussex-2023 published as edition 1, then reopened and re-rated on returns that are now all red
		this.publication.close("pan-sussex-2023");
		this.publication.reopen("pan-sussex-2023", "checking what the next board paper compares with");
		for (String agency : List.of("uhsussex", "esht", "sussex-police", "nhs-sussex-icb", "probation-kss", "west-sussex-yjs")) {
			corrected(agency, (doc) -> {
				((com.fasterxml.jackson.databind.node.ObjectNode) doc).put("submittedAt", "2023-05-02T09:00:00Z");
				doc.get("responses").forEach((r) -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("rating", "red"));
			});
		}
		this.submissions.importPaths(List.of(RETURNS), Optional.of("pan-sussex-2023"));
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, String> published = publishedStandardRatings("pan-sussex-2023", 1);
		Map<String, String> now = new HashMap<>();
		this.jdbc.query("select standard_id, rag from partnership_rating where cycle_id = 'pan-sussex-2023' and item_id = ''",
				(rs) -> { now.put(rs.getString(1), rs.getString(2)); });
		assertThat(now).as("the ratings now differ from those published").isNotEqualTo(published);

		// when the next cycle's summary is built
		CycleSummary.Progress progress = this.summaries.build("pan-sussex-2025", java.time.LocalDate.of(2025, 6, 1)).progress();

		// then it compares with edition 1, as its board read it
		assertThat(progress.previousCycleId()).isEqualTo("pan-sussex-2023");
		assertThat(progress.previousEdition()).isEqualTo(1);
		Map<String, String> before = new HashMap<>();
		progress.previouslyAmberOrRed().stream().filter((c) -> c.itemId() == null).forEach((c) -> before.put(c.standardId(), c.before()));
		Map<String, String> publishedAmberOrRed = new HashMap<>(published);
		publishedAmberOrRed.values().removeIf((rag) -> !rag.equals("AMBER") && !rag.equals("RED"));
		assertThat(before).isEqualTo(publishedAmberOrRed);
	}

	private Map<String, String> publishedStandardRatings(String cycleId, int edition) throws IOException {
		Map<String, String> ratings = new HashMap<>();
		JsonNode summary = this.json.readTree(this.editions.folder(cycleId, edition).resolve("summary.json").toFile());
		summary.get("standards").forEach((s) -> {
			if (s.hasNonNull("rating")) {
				ratings.put(s.get("id").asText(), s.get("rating").get("rag").asText());
			}
		});
		return ratings;
	}

	private Path corrected(String agency, java.util.function.Consumer<JsonNode> change) throws IOException {
		JsonNode doc = this.json.readTree(Path.of("samples/pan-sussex-2023/submissions", agency + ".json").toFile());
		change.accept(doc);
		Path file = RETURNS.resolve(agency + ".json");
		Files.writeString(file, this.json.writeValueAsString(doc));
		return file;
	}

}

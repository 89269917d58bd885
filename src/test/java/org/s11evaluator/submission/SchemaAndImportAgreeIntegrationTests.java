package org.s11evaluator.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schema alone and the full import give the same verdict on every return whose fault is one of
 * form; the only returns they disagree on are those whose fault needs the framework or the cycle, or a sum
 * the schema cannot state, and those are listed here as such.
 */
@IntegrationTest
class SchemaAndImportAgreeIntegrationTests {

	private static final Path SUSSEX = Path.of("samples/pan-sussex-2025");

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	SubmissionImport submissions;

	@Autowired
	CycleManagement cycles;

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
	void theSchemaAndTheImportGiveTheSameVerdictOnEveryReturnOfTheCorpus() throws IOException {
		// given good returns written as agencies do, and returns each with one fault of form
		Map<String, Boolean> valid = new LinkedHashMap<>();
		Map<String, Consumer<ObjectNode>> good = new LinkedHashMap<>();
		good.put("as-sent", (d) -> {
		});
		good.put("summer-time-offset", (d) -> d.put("submittedAt", "2025-03-14T10:30:00+01:00"));
		good.put("fraction-of-a-second", (d) -> d.put("submittedAt", "2025-03-14T10:30:00.250Z"));
		good.put("leap-day", (d) -> response(d, 0).put("lastReviewed", "2024-02-29"));
		good.put("action-for-a-standard-only", (d) -> d.putArray("actions").addObject().put("standard", "6").put("action", "Review"));
		good.put("action-for-an-item-only", (d) -> d.putArray("actions").addObject().put("item", "6.2").put("action", "Review"));
		good.put("nulls-where-allowed", (d) -> response(d, 0).putNull("evidence").putNull("naReason").putNull("lastReviewed"));
		good.put("text-at-its-limit", (d) -> response(d, 0).put("statement", "s".repeat(16_000)));
		good.put("welsh-and-emoji", (d) -> ((ObjectNode) d.get("completedBy")).put("name", "Siân Tŷ'r Ŵyn 🙂"));
		Map<String, Consumer<ObjectNode>> bad = new LinkedHashMap<>();
		bad.put("no-offset", (d) -> d.put("submittedAt", "2025-03-14T10:30:00"));
		bad.put("date-without-time", (d) -> d.put("submittedAt", "2025-03-14"));
		bad.put("impossible-date-time", (d) -> d.put("submittedAt", "2025-02-30T10:30:00Z"));
		bad.put("month-13", (d) -> response(d, 0).put("lastReviewed", "2025-13-45"));
		bad.put("february-30", (d) -> response(d, 0).put("lastReviewed", "2025-02-30"));
		bad.put("not-a-leap-year", (d) -> response(d, 0).put("lastReviewed", "2023-02-29"));
		bad.put("action-with-neither", (d) -> d.putArray("actions").addObject().put("action", "Review"));
		bad.put("action-with-nulls", (d) -> d.putArray("actions").addObject().putNull("item").putNull("standard"));
		bad.put("rating-a-number", (d) -> response(d, 0).put("rating", 3));
		bad.put("no-completed-by", (d) -> d.remove("completedBy"));
		bad.put("unknown-field", (d) -> response(d, 0).put("naReasn", "typo"));
		bad.put("blank-name", (d) -> ((ObjectNode) d.get("completedBy")).put("name", "   "));
		bad.put("control-character", (d) -> response(d, 0).put("statement", "hidden\u001b[8m"));
		bad.put("text-over-its-limit", (d) -> response(d, 0).put("statement", "s".repeat(16_001)));
		bad.put("name-over-its-limit", (d) -> ((ObjectNode) d.get("agency")).put("name", "n".repeat(256)));
		bad.put("other-format", (d) -> d.put("format", "s11-submission/2"));
		bad.put("agency-id-in-capitals", (d) -> ((ObjectNode) d.get("agency")).put("id", "Sussex-Police"));
		bad.put("responses-not-a-list", (d) -> d.put("responses", "all green"));
		bad.put("link-a-number", (d) -> ((ObjectNode) response(d, 0).get("evidence")).putArray("links").add(42));
		good.forEach((name, change) -> valid.put(write("good-" + name, change), true));
		bad.forEach((name, change) -> valid.put(write("bad-" + name, change), false));
		// and every sample return that is JSON, save the one whose faults are the framework's (see the test below)
		try (Stream<Path> samples = Files.walk(Path.of("samples"))) {
			for (Path sample : samples.filter((f) -> f.toString().endsWith(".json") && !f.getFileName().toString().equals("zz-bad-malformed.json")
					&& !f.getFileName().toString().equals("zz-bad-unknown-item.json")
					// a return on another template than its agency's: only the cycle knows which one it should be
					&& !f.getFileName().toString().equals("zz-bad-wrong-template.json")).sorted().toList()) {
				valid.put(sample.toString(), !sample.getFileName().toString().startsWith("zz-bad"));
			}
		}
		for (String cycle : List.of("barking-and-dagenham-2025", "pan-london-2012-havering-2024", "pan-sussex-2023", "barnet-2026", "pan-sussex-2027",
				"with-survey/cambridgeshire-and-peterborough-2017")) {
			this.cycles.open(Path.of("samples", cycle, "cycle.yaml"));
		}

		// when each is checked by the schema alone, and imported
		Map<String, Boolean> bySchema = valid.keySet().stream().collect(Collectors.toMap((f) -> f, this::schemaAccepts));
		Map<String, Boolean> byImport = imported(valid.keySet());

		// then both give the verdict the corpus expects
		assertThat(bySchema).as("schema alone").containsExactlyInAnyOrderEntriesOf(valid);
		assertThat(byImport).as("full import").containsExactlyInAnyOrderEntriesOf(valid);
	}

	@Test
	void onlyFaultsThatNeedTheFrameworkTheCycleOrASumAreFoundByTheImportAlone() throws IOException {
		Map<String, Consumer<ObjectNode>> javaOnly = new LinkedHashMap<>();
		javaOnly.put("unknown-item", (d) -> response(d, 0).put("item", "6.9"));
		javaOnly.put("rating-outside-the-scale", (d) -> response(d, 0).put("rating", "Amberr"));
		javaOnly.put("item-answered-twice", (d) -> response(d, 1).put("item", response(d, 0).get("item").asText()));
		javaOnly.put("cycle-not-open", (d) -> d.put("cycle", "pan-sussex-2031"));
		javaOnly.put("action-item-of-another-standard", (d) -> d.putArray("actions").addObject().put("item", "6.2").put("standard", "5"));
		javaOnly.put("links-over-8000-together", (d) -> {
			ArrayNode links = ((ObjectNode) response(d, 0).get("evidence")).putArray("links");
			for (int i = 0; i < 5; i++) {
				links.add("https://example.org/" + "l".repeat(1_900));
			}
		});
		List<String> files = javaOnly.entrySet().stream().map((e) -> write("java-only-" + e.getKey(), e.getValue())).toList();

		assertThat(files).allSatisfy((f) -> assertThat(schemaAccepts(f)).as(f).isTrue());
		assertThat(imported(files)).allSatisfy((f, accepted) -> assertThat(accepted).as(f).isFalse());
	}

	private Map<String, Boolean> imported(java.util.Collection<String> files) {
		ImportReport report = this.submissions.importPaths(files.stream().map(Path::of).toList(), Optional.empty());
		return report.files().stream().collect(Collectors.toMap(ImportReport.FileResult::source,
				(f) -> f.outcome() != ImportReport.Outcome.REJECTED, (a, b) -> a && b));
	}

	private boolean schemaAccepts(String file) {
		try {
			return SubmissionSchema.published().check(this.json.readTree(Path.of(file).toFile())).isEmpty();
		}
		catch (IOException ex) {
			throw new IllegalStateException(file, ex);
		}
	}

	private String write(String name, Consumer<ObjectNode> change) {
		try {
			ObjectNode doc = (ObjectNode) this.json.readTree(SUSSEX.resolve("submissions/sussex-police.json").toFile());
			change.accept(doc);
			return Files.writeString(this.folder.resolve(name + ".json"), doc.toString()).toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(name, ex);
		}
	}

	private static ObjectNode response(JsonNode doc, int index) {
		return (ObjectNode) doc.get("responses").get(index);
	}

}

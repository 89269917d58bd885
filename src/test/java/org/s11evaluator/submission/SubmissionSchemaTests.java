package org.s11evaluator.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema is the one the import applies, and it agrees with the bundled examples. */
class SubmissionSchemaTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theImportReadsTheSameBytesAsThePublishedSchemaInDocs() throws IOException {
		byte[] published = Files.readAllBytes(Path.of("docs/submission.schema.json"));
		try (InputStream shipped = SubmissionSchema.class.getResourceAsStream(SubmissionSchema.RESOURCE)) {
			assertThat(shipped).as("the schema on the classpath").isNotNull();
			assertThat(shipped.readAllBytes()).isEqualTo(published);
		}
	}

	@Test
	void everyGoodSampleReturnMatchesThePublishedSchema() throws IOException {
		List<Path> samples = samples().filter((file) -> !file.getFileName().toString().startsWith("zz-bad")).toList();

		assertThat(samples).hasSizeGreaterThanOrEqualTo(24);
		for (Path sample : samples) {
			assertThat(SubmissionSchema.published().check(this.json.readTree(sample.toFile()))).as(sample.toString()).isEmpty();
		}
	}

	@Test
	void theSchemaRefusesWrongTypesAndAMissingAgency() throws IOException {
		List<SubmissionSchema.Violation> problems = SubmissionSchema.published()
			.check(this.json.readTree(Path.of("samples/pan-sussex-2025/submissions/zz-bad-wrong-types.json").toFile()));

		assertThat(problems).extracting((v) -> v.pointer() + ": " + v.message())
			.contains("/agency: is missing: it must be given")
			.anyMatch((m) -> m.matches("/responses/\\d+/rating: expected text, found number \\d+"));
	}

	@Test
	void theSchemaStatesTheSameTextLimitsAsTheImport() throws IOException {
		ObjectNode doc = (ObjectNode) this.json.readTree(Path.of("samples/pan-sussex-2025/submissions/sussex-police.json").toFile());
		((ObjectNode) doc.get("completedBy")).put("name", "n".repeat(SubmissionValidator.MAX_NAME + 1));
		((ObjectNode) doc.get("responses").get(0).get("evidence")).put("text", "x".repeat(SubmissionValidator.MAX_LONG_TEXT + 1));
		((ObjectNode) doc.get("completedBy")).put("phone", "1".repeat(SubmissionValidator.MAX_PHONE + 1));
		((ObjectNode) doc.get("agency")).put("sector", "s".repeat(SubmissionValidator.MAX_SECTOR + 1));
		((ObjectNode) doc.get("responses").get(0).get("evidence")).putArray("links").add("l".repeat(SubmissionValidator.MAX_LINK + 1));

		assertThat(SubmissionSchema.published().check(doc)).extracting((v) -> v.pointer() + ": " + v.message()).containsExactlyInAnyOrder(
				"/agency/sector: is 41 characters long; it may be at most 40 characters",
				"/completedBy/name: is 256 characters long; it may be at most 255 characters",
				"/completedBy/phone: is 65 characters long; it may be at most 64 characters",
				"/responses/0/evidence/text: is 16,001 characters long; it may be at most 16,000 characters",
				"/responses/0/evidence/links/0: is 2,001 characters long; it may be at most 2,000 characters");
	}

	@Test
	void impossibleDatesAndATimeWithoutItsOffsetAreRefused() throws IOException {
		ObjectNode doc = (ObjectNode) this.json.readTree(Path.of("samples/pan-sussex-2025/submissions/sussex-police.json").toFile());
		doc.put("submittedAt", "2025-03-14T10:30:00");
		((ObjectNode) doc.get("responses").get(0)).put("lastReviewed", "2025-02-30");
		((ObjectNode) doc.get("responses").get(1)).put("lastReviewed", "2025-13-45");

		assertThat(SubmissionSchema.published().check(doc)).extracting((v) -> v.pointer() + ": " + v.message()).containsExactlyInAnyOrder(
				"/submittedAt: \"2025-03-14T10:30:00\" has no time zone: add Z for UTC (\"2025-03-14T10:30:00Z\") or +01:00 for British Summer Time (\"2025-03-14T10:30:00+01:00\")",
				"/responses/0/lastReviewed: expected a real date as YYYY-MM-DD (for example \"2025-09-30\"), found \"2025-02-30\"",
				"/responses/1/lastReviewed: expected a real date as YYYY-MM-DD (for example \"2025-09-30\"), found \"2025-13-45\"");
	}

	private static Stream<Path> samples() throws IOException {
		return Files.walk(Path.of("samples")).filter((file) -> file.toString().endsWith(".json")).sorted();
	}

}

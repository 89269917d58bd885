package org.s11evaluator.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema and the bundled examples agree with each other. */
class SubmissionSchemaTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void everyGoodSampleReturnMatchesThePublishedSchema() throws IOException {
		JsonSchema schema = schema();
		List<Path> samples = samples().filter((file) -> !file.getFileName().toString().startsWith("zz-bad")).toList();

		assertThat(samples).hasSizeGreaterThanOrEqualTo(24);
		for (Path sample : samples) {
			Set<ValidationMessage> problems = schema.validate(this.json.readTree(sample.toFile()));
			assertThat(problems).as(sample.toString()).isEmpty();
		}
	}

	@Test
	void theSchemaRefusesWrongTypesAndAMissingAgency() throws IOException {
		Set<ValidationMessage> problems = schema()
			.validate(this.json.readTree(Path.of("samples/pan-sussex-2025/submissions/zz-bad-wrong-types.json").toFile()));

		assertThat(problems).extracting(ValidationMessage::getMessage)
			.anyMatch((m) -> m.contains("agency"))
			.anyMatch((m) -> m.contains("rating") && m.contains("integer"));
	}

	@Test
	void theSchemaStatesTheSameTextLimitsAsTheImport() throws IOException {
		com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) this.json
			.readTree(Path.of("samples/pan-sussex-2025/submissions/sussex-police.json").toFile());
		((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("completedBy")).put("name", "n".repeat(SubmissionValidator.MAX_NAME + 1));
		((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("responses").get(0).get("evidence")).put("text",
				"x".repeat(SubmissionValidator.MAX_LONG_TEXT + 1));

		assertThat(schema().validate(doc)).extracting(ValidationMessage::getMessage)
			.anyMatch((m) -> m.contains("completedBy.name") && m.contains(String.valueOf(SubmissionValidator.MAX_NAME)))
			.anyMatch((m) -> m.contains("evidence.text") && m.contains("16,000"));
	}

	private static JsonSchema schema() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("docs/submission.schema.json"))) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
		}
	}

	private static Stream<Path> samples() throws IOException {
		return Files.walk(Path.of("samples")).filter((file) -> file.toString().endsWith(".json")).sorted();
	}

}

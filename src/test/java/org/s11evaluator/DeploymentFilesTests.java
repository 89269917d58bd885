package org.s11evaluator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container files as shipped (no Docker engine runs here, so they are read, not started): the database is
 * not published, no password has a default, and the evaluator does not run as root.
 */
class DeploymentFilesTests {

	private final JsonNode compose = read(Path.of("docker-compose.yml"));

	@Test
	void theDatabasePublishesNoPortAndTheEvaluatorOnlyOnTheLoopback() {
		assertThat(this.compose.at("/services/mysql/ports").isMissingNode()).as("mysql publishes no port").isTrue();
		List<String> published = new ArrayList<>();
		this.compose.get("services").forEach((service) -> service.path("ports").forEach((port) -> published.add(port.asText())));
		assertThat(published).isNotEmpty().allMatch((port) -> port.startsWith("127.0.0.1:"), "bound to 127.0.0.1");
	}

	@Test
	void everyPasswordComesFromTheEnvironmentWithNoDefault() {
		List<String> passwords = new ArrayList<>();
		this.compose.get("services").forEach((service) -> service.path("environment").properties().stream()
			.filter((variable) -> variable.getKey().contains("PASSWORD"))
			.map(Map.Entry::getValue)
			.forEach((value) -> passwords.add(value.asText())));
		assertThat(passwords).hasSizeGreaterThanOrEqualTo(3)
			.allMatch((value) -> value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}"), "${VARIABLE:?message}: required, no default");
	}

	@Test
	void theEvaluatorImageRunsAsAnUnprivilegedUser() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("Dockerfile"));
		int lastStage = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("FROM ")) {
				lastStage = i;
			}
		}
		List<String> users = lines.subList(lastStage, lines.size()).stream().filter((line) -> line.startsWith("USER ")).toList();
		assertThat(users).as("USER in the final stage").isNotEmpty();
		String user = users.get(users.size() - 1).substring("USER ".length()).strip().split(":")[0];
		assertThat(user).isNotIn("root", "0");
	}

	private static JsonNode read(Path file) {
		try {
			return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

}

package org.s11evaluator.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The limits on YAML: settings read by Spring Boot ({@code batch-config/}) and the files officers write, read by
 * Jackson, both refuse a document that would exhaust memory, quickly and naming the file.
 */
class LimitedYamlTests {

	/** Well under what the unlimited readers take: they run out of memory or take minutes. */
	// a guard against a file that never finishes (or exhausts memory), not a speed target: the context starts within it
	// even on a machine loaded by a parallel build (10 s was exceeded once there)
	static final Duration QUICKLY = Duration.ofSeconds(60);

	@TempDir
	Path folder;

	@Test
	void aBillionLaughsSettingsFileStopsStartUpQuicklyNamingTheFile() throws IOException {
		Path settings = write("evaluation.yml", BillionLaughs.after("s11:\n  evaluation:\n    threads: 2\n"));

		Throwable failure = assertTimeoutPreemptively(QUICKLY, () -> startFailure(settings));

		assertThat(failure).hasStackTraceContaining(settings.getFileName().toString())
			.hasStackTraceContaining("refused, past the limits on YAML files")
			.hasStackTraceContaining("aliases for non-scalar nodes exceeds the specified max=" + LimitedYaml.MAX_ALIASES);
	}

	@Test
	void aSettingsFileWhoseFewAliasesExpandTooFarIsRefused() throws IOException {
		// 18 aliases, within the count: 6 levels of 3 expand a list of 300 scalars 3^6 times, to 218,700 values
		StringBuilder yaml = new StringBuilder("a: &a [").append(String.join(", ", java.util.Collections.nCopies(300, "x"))).append("]\n");
		for (char level = 'b'; level <= 'g'; level++) {
			String previous = "*" + (char) (level - 1);
			yaml.append(level).append(": &").append(level).append(" [").append(String.join(", ", java.util.Collections.nCopies(3, previous)))
				.append("]\n");
		}
		Path settings = write("reporting.yml", yaml.toString());

		Throwable failure = assertTimeoutPreemptively(QUICKLY, () -> startFailure(settings));

		assertThat(failure).hasStackTraceContaining("reporting.yml")
			.hasStackTraceContaining("its aliases expand to more than " + LimitedYaml.MAX_EXPANDED_VALUES + " values");
	}

	@Test
	void aSettingsFileWithAnAliasInsideItselfIsRefused() throws IOException {
		Path settings = write("schedule.yml", "s11:\n  schedule: &loop\n    again: [*loop]\n");

		Throwable failure = assertTimeoutPreemptively(QUICKLY, () -> startFailure(settings));

		assertThat(failure).hasStackTraceContaining("schedule.yml").hasStackTraceContaining("the value anchored at line 2, column 13 holds an alias to itself");
	}

	@Test
	void aSettingsFilePastTheSizeLimitIsRefused() throws IOException {
		Path settings = write("rules.yml", "s11:\n  rules:\n    directory: \"" + "x".repeat(LimitedYaml.MAX_CODE_POINTS) + "\"\n");

		Throwable failure = assertTimeoutPreemptively(QUICKLY, () -> startFailure(settings));

		assertThat(failure).hasStackTraceContaining("rules.yml").hasStackTraceContaining("exceeds the limit: " + LimitedYaml.MAX_CODE_POINTS);
	}

	@Test
	void settingsWithinTheLimitsLoadAsBeforeAliasesIncluded() throws IOException {
		Path settings = write("evaluation.yml", "defaults: &defaults\n  chunk-size: 100\ns11:\n  evaluation: *defaults\n");

		try (ConfigurableApplicationContext context = application(settings).run()) {
			assertThat(context.getEnvironment().getProperty("s11.evaluation.chunk-size")).isEqualTo("100");
		}
	}

	@Test
	void anAliasInAFileOfficersWriteIsRefusedAtItsLine() {
		assertThatExceptionOfType(JsonProcessingException.class)
			.isThrownBy(() -> assertTimeoutPreemptively(QUICKLY, () -> LimitedYaml.mapper().readTree(BillionLaughs.document())))
			.satisfies((ex) -> assertThat(ex.getLocation().getLineNr()).isEqualTo(2))
			.withMessageContaining("YAML aliases are not allowed in this file (*a)");
	}

	@Test
	void aFileOfficersWriteIsRefusedPastTheSizeOrTheNestingLimit() {
		assertThatThrownBy(() -> LimitedYaml.mapper().readTree("text: \"" + "x".repeat(LimitedYaml.MAX_CODE_POINTS) + "\"\n"))
			.isInstanceOf(JsonProcessingException.class)
			.hasMessageContaining("exceeds the limit: " + LimitedYaml.MAX_CODE_POINTS);
		String deep = "[".repeat(LimitedYaml.MAX_NESTING_DEPTH + 1) + "]".repeat(LimitedYaml.MAX_NESTING_DEPTH + 1);
		assertThatThrownBy(() -> LimitedYaml.mapper().readTree(deep)).isInstanceOf(JsonProcessingException.class)
			.hasMessageContaining("nesting depth");
	}

	@Test
	void aFileOfficersWriteWithinTheLimitsReadsAsBefore() throws IOException {
		JsonNode cycle = LimitedYaml.mapper().copy().readTree("id: pan-sussex-2025\nagencies:\n  - { id: sussex-police, name: Sussex Police }\n");

		assertThat(cycle.at("/agencies/0/name").asText()).isEqualTo("Sussex Police");
		assertThat(LimitedYaml.mapper().readTree("id: x\nagencies:\n").get("agencies").isNull()).as("an empty value").isTrue();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content);
	}

	private static Throwable startFailure(Path settings) {
		try (ConfigurableApplicationContext context = application(settings).run()) {
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static SpringApplication application(Path settings) {
		return new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE)
			.properties("spring.config.import=file:" + settings.toAbsolutePath(), "spring.main.banner-mode=off")
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}

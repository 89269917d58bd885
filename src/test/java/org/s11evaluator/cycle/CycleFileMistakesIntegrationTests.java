package org.s11evaluator.cycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cycle.yaml written by hand, with the mistakes people make: named at the line where they are, in plain words. */
@IntegrationTest
class CycleFileMistakesIntegrationTests {

	private static final String SAMPLE = "samples/pan-sussex-2025/cycle.yaml";

	@Autowired
	CycleManagement cycles;

	@TempDir
	Path folder;

	@Test
	void anAgencyIndentedDifferentlyFromTheOthersIsNamedAtItsLine() throws IOException {
		Path file = sampleWith("  - id: brighton-hove-childrens\n", "   - id: brighton-hove-childrens\n");

		assertThatThrownBy(() -> this.cycles.open(file)).isInstanceOf(CycleException.class)
			.hasMessageStartingWith(file + ":14: ")
			.hasMessageContaining("indented differently")
			.hasMessageNotContaining("mapping values are not allowed");
	}

	@Test
	void aTabIsNamedAtItsLine() throws IOException {
		Path file = sampleWith("    sector: police\n", "\tsector: police\n");

		assertThatThrownBy(() -> this.cycles.open(file)).isInstanceOf(CycleException.class)
			.hasMessageStartingWith(file + ":13: ")
			.hasMessageContaining("tab");
	}

	@Test
	void aDateThatIsNotADateIsNamedAtItsLine() throws IOException {
		Path file = sampleWith("opens: 2025-01-06\n", "opens: 6th January 2025\n");

		assertThatThrownBy(() -> this.cycles.open(file)).isInstanceOf(CycleException.class)
			.hasMessageStartingWith(file + ":4: ")
			.hasMessageContaining("date");
	}

	private Path sampleWith(String line, String replacement) throws IOException {
		String sample = Files.readString(Path.of(SAMPLE));
		if (!sample.contains(line)) {
			throw new IllegalStateException(SAMPLE + " no longer has the line " + line);
		}
		return Files.writeString(this.folder.resolve("cycle.yaml"), sample.replace(line, replacement));
	}

}

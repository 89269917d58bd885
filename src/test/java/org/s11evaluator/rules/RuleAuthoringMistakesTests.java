package org.s11evaluator.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.command.RulesCommandLine;
import org.s11evaluator.support.Folders;
import org.s11evaluator.yaml.LimitedYaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mistakes a policy officer makes editing a pack (src/test/resources/rule-authoring-mistakes): each folder holds
 * the broken file(s), dropped into a copy of the Pan-Sussex pack over the shipped ones, and {@code expected.yaml}
 * with the file, line (and column) and the plain words {@code rules check} must report. One test per mistake.
 */
class RuleAuthoringMistakesTests {

	private static final Path CORPUS = Path.of("src/test/resources/rule-authoring-mistakes");

	private static final String PACK = "pan-sussex";

	@TempDir
	Path temp;

	/** What {@code rules check} must say about one mistake. */
	record Expected(String file, int line, Integer column, List<String> says) {
	}

	@TestFactory
	Stream<DynamicTest> rulesCheckNamesEachMistakeAtItsLineInPlainWords() throws IOException {
		List<Path> mistakes;
		try (Stream<Path> folders = Files.list(CORPUS)) {
			mistakes = folders.filter(Files::isDirectory).sorted().toList();
		}
		assertThat(mistakes).hasSizeGreaterThan(30);
		return mistakes.stream().map((mistake) -> DynamicTest.dynamicTest(mistake.getFileName().toString(), () -> {
			Expected expected = LimitedYaml.mapper().readValue(mistake.resolve("expected.yaml").toFile(), Expected.class);
			Path rules = install(mistake);

			ByteArrayOutputStream output = new ByteArrayOutputStream();
			int exit = RulesCommandLine.run(new String[] { "rules", "check", PACK, "--rules=" + rules },
					new PrintStream(output, true, StandardCharsets.UTF_8));

			String printed = output.toString(StandardCharsets.UTF_8);
			String where = PACK + "/" + expected.file() + ":" + expected.line() + ":" + ((expected.column() != null) ? expected.column() + ":" : "");
			assertThat(exit).as(printed).isEqualTo(1);
			assertThat(printed.lines().filter((line) -> line.startsWith(where)).toList()).as(printed)
				.anySatisfy((line) -> assertThat(line).contains(expected.says()));
		}));
	}

	private Path install(Path mistake) {
		Path rules = this.temp.resolve(mistake.getFileName().toString());
		Folders.copy(Path.of("rules"), rules);
		try (Stream<Path> files = Files.list(mistake)) {
			for (Path file : files.filter((f) -> !f.getFileName().toString().equals("expected.yaml")).toList()) {
				Files.copy(file, rules.resolve(PACK).resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rules;
	}

}

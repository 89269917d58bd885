package org.s11evaluator.yaml;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** YAML mistakes said in plain words at the 1-based line where they are (SnakeYAML's marks count from 0). */
class YamlMistakeTests {

	@Test
	void aListEntryOutOfLineIsNamedAtItsOwnLine() {
		YamlMistake mistake = read("items:\n  - a\n  - b\n - c\n");

		assertThat(mistake.line()).isEqualTo(4);
		assertThat(mistake.message()).startsWith("this line is indented differently from the lines above it");
	}

	@Test
	void aTabIsNamedAtItsLine() {
		YamlMistake mistake = read("a: 1\nb:\n\t- x\n");

		assertThat(mistake.line()).isEqualTo(3);
		assertThat(mistake.column()).isEqualTo(1);
		assertThat(mistake.message()).contains("tab", "spaces only");
	}

	@Test
	void anUnclosedQuoteIsNamedWhereItOpensNotAtTheEndOfTheFile() {
		YamlMistake mistake = read("a: 1\nb: \"two\nc: 3\nd: 4\n");

		assertThat(mistake.line()).isEqualTo(2);
		assertThat(mistake.column()).isEqualTo(4);
		assertThat(mistake.message()).isEqualTo("the quote \" opened here is never closed: end the value with \" on the same line");
	}

	@Test
	void aMissingColonIsNamedAtTheLineThatLacksItNotTheNext() {
		assertThat(read("a: 1\nb 2\nc: 3\n")).satisfies((m) -> {
			assertThat(m.line()).isEqualTo(2);
			assertThat(m.message()).startsWith("a colon is missing");
		});
		assertThat(read("group:\n  id pan-sussex\n  name: x\n")).satisfies((m) -> {
			assertThat(m.line()).isEqualTo(2);
			assertThat(m.column()).isEqualTo(3);
			assertThat(m.message()).startsWith("a colon is missing");
		});
	}

	@Test
	void aDuplicateKeyIsNamedAtTheRepeatWithTheLineOfTheFirst() {
		YamlMistake mistake = read("a: 1\nb: 2\na: 3\n");

		assertThat(mistake.line()).isEqualTo(3);
		assertThat(mistake.message()).isEqualTo("'a' is given twice in the same group (first at line 1): keep one of them");
	}

	@Test
	void aColonInsideAValueAsksForQuotes() {
		YamlMistake mistake = read("a: 1\nb: Note: this\n");

		assertThat(mistake.line()).isEqualTo(2);
		assertThat(mistake.message()).contains("put the whole value in quotes");
	}

	private static YamlMistake read(String text) {
		Throwable thrown = catchThrowable(() -> LimitedYaml.mapper().readValue(text, Map.class));
		assertThat(thrown).as("the text is refused").isNotNull();
		return YamlMistake.of(thrown, text);
	}

}

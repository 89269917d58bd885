package org.s11evaluator.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The framework's own words for its levels, and the level its partnership rule applies at, read from framework.yaml. */
class FrameworkLevelsTests {

	@Test
	void eachPackNamesItsLevelsInItsOwnWords() throws IOException {
		Framework sussex = read("pan-sussex");
		assertThat(sussex.levels()).extracting(Framework.Levels::group, Framework.Levels::groups, Framework.Levels::line, Framework.Levels::lines)
			.containsExactly("area", "areas", "standard", "standards");
		assertThat(sussex.levels().groupsRated()).as("the guidance's rule applies to each numbered standard, never to an area").isFalse();
		Framework barking = read("barking-and-dagenham");
		assertThat(barking.levels()).extracting(Framework.Levels::group, Framework.Levels::line).containsExactly("standard", "item");
		assertThat(barking.levels().groupsRated()).isTrue();
		assertThat(barking.levels().groupRule()).contains("worst item");
		assertThat(barking.scale().levels()).extracting(Framework.Level::shortLabel, Framework.Level::rag).containsExactly(
				org.assertj.core.groups.Tuple.tuple("Met", "green"), org.assertj.core.groups.Tuple.tuple("Partially met", "amber"),
				org.assertj.core.groups.Tuple.tuple("Needs review", "amber"), org.assertj.core.groups.Tuple.tuple("Not met", "red"));
		assertThat(read("pan-london-2012").levels().ragColours()).isFalse();
	}

	@Test
	void aFrameworkWithoutLevelsCallsItsGroupsStandardsAndItsLinesItems() {
		Framework framework = new FrameworkReader().read("framework.yaml", """
				partnership: { id: test-pack, name: Test }
				scale: { name: RAG, levels: [ { code: green, label: Green } ] }
				standards:
				  - { id: "1", title: One, items: [ { id: "1.1", text: An item } ] }
				""", "test-pack");

		assertThat(framework.levels()).extracting(Framework.Levels::group, Framework.Levels::line, Framework.Levels::groupsRated,
				Framework.Levels::ragColours).containsExactly("standard", "item", true, true);
	}

	@Test
	void aLevelTheRuleCannotApplyAtIsRefusedAtItsLine() {
		String yaml = """
				partnership: { id: test-pack, name: Test }
				levels:
				  group: area
				  rated-at: areas
				scale: { name: RAG, levels: [ { code: green, label: Green, rag: blue } ] }
				standards:
				  - { id: "1", title: One, items: [ { id: "1.1", text: An item } ] }
				""";

		assertThatExceptionOfType(RulePackException.class).isThrownBy(() -> new FrameworkReader().read("framework.yaml", yaml, "test-pack"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(RuleProblem::line, RuleProblem::message).containsExactly(
					org.assertj.core.groups.Tuple.tuple(4, "'levels.rated-at' is 'areas': it must be 'lines' (the partnership rule rates each item) or 'groups-and-lines' (it rates each area too)"),
					org.assertj.core.groups.Tuple.tuple(5, "scale level 'green' has 'rag: blue': it must be green, amber or red, or left out for a level without a colour")));
	}

	private static Framework read(String pack) throws IOException {
		return new FrameworkReader().read("framework.yaml", Files.readString(Path.of("rules", pack, "framework.yaml")), pack);
	}

}

package org.s11evaluator.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RulePacksTests {

	@TempDir
	Path rules;

	@Test
	void loadsTheShippedPacksWithTheirFrameworks() {
		RulePacks packs = new RulePacks(new RulesSettings(Path.of("rules"), 100));

		assertThat(packs.ids()).containsExactly("barking-and-dagenham", "barnet-section-11", "barnet-vcfs-checklist", "cambridgeshire-and-peterborough", "pan-london-2012",
				"pan-sussex");
		assertThat(packs.load("cambridgeshire-and-peterborough").framework().standards()).hasSize(8);
		assertThat(packs.load("barking-and-dagenham").framework().standards()).hasSize(8);
		assertThat(packs.load("pan-london-2012").framework().standards()).hasSize(8);
		assertThat(packs.load("pan-sussex").framework().standards()).hasSize(9);
		assertThat(packs.load("barking-and-dagenham").framework().scale().codes()).containsExactly("met", "partially-met",
				"needs-review", "not-met");
	}

	@Test
	void reportsAnUnknownFieldInTheFrameworkWithFileAndLine() throws IOException {
		Path folder = Files.createDirectories(this.rules.resolve("typo"));
		Files.writeString(folder.resolve("framework.yaml"), """
				partnership: { id: typo, name: Typo }
				scale:
				  levels: [ { code: red, label: Red } ]
				standards:
				  - id: "1"
				    titel: One
				    items: [ { id: "1.1", text: x } ]
				""");
		Files.writeString(folder.resolve("a.drl"), "package rules.typo;");

		assertThatExceptionOfType(RulePackException.class)
			.isThrownBy(() -> new RulePacks(new RulesSettings(this.rules, 100)).load("typo"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((p) -> {
				assertThat(p.file()).isEqualTo("typo/framework.yaml");
				assertThat(p.line()).isEqualTo(6);
				assertThat(p.message()).contains("titel");
			}));
	}

	@Test
	void reportsARepeatedItemId() throws IOException {
		Path folder = Files.createDirectories(this.rules.resolve("twice"));
		Files.writeString(folder.resolve("framework.yaml"), """
				partnership: { id: twice, name: Twice }
				scale: { levels: [ { code: red, label: Red } ] }
				standards:
				  - { id: "1", title: One, items: [ { id: "1.1", text: x }, { id: "1.1", text: y } ] }
				""");
		Files.writeString(folder.resolve("a.drl"), "package rules.twice;");

		assertThatExceptionOfType(RulePackException.class)
			.isThrownBy(() -> new RulePacks(new RulesSettings(this.rules, 100)).load("twice"))
			.withMessageContaining("item id '1.1' in standard '1' is missing or repeated");
	}

}

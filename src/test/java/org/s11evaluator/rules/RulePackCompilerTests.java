package org.s11evaluator.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RulePackCompilerTests {

	@TempDir
	Path rules;

	private final RulePackCompiler compiler = new RulePackCompiler();

	@Test
	void reportsAMisspelledFieldWithFileAndLine() throws IOException {
		RulePack pack = packWith("""
				package rules.test;
				import org.s11evaluator.rules.facts.*;

				rule "T-01 typo"
				when
				    $r : ItemResponse(ratingg == "red")
				then
				    insert(new Finding("X", $r.itemId(), $r.standardId(), "x"));
				end
				""");

		assertThatExceptionOfType(RulePackException.class).isThrownBy(() -> this.compiler.compile(pack))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((problem) -> {
				assertThat(problem.file()).isEqualTo("test-pack/policy.drl");
				assertThat(problem.line()).isEqualTo(6);
				assertThat(problem.message()).contains("ratingg");
			}));
	}

	@Test
	void reportsAMissingEndWithFileAndLine() throws IOException {
		RulePack pack = packWith("""
				package rules.test;
				import org.s11evaluator.rules.facts.*;

				rule "T-01 no end"
				when
				    $r : ItemResponse(rating == "red")
				then
				    insert(new Finding("X", $r.itemId(), $r.standardId(), "x"));
				""");

		assertThatExceptionOfType(RulePackException.class).isThrownBy(() -> this.compiler.compile(pack))
			.satisfies((ex) -> assertThat(ex.problems()).allSatisfy((problem) -> {
				assertThat(problem.file()).isEqualTo("test-pack/policy.drl");
				assertThat(problem.line()).isPositive();
			}));
	}

	@Test
	void refusesRuleFilesThatReachOutsideTheFactModel() throws IOException {
		RulePack pack = packWith("""
				package rules.test;
				import org.s11evaluator.rules.facts.*;
				import java.io.File;

				rule "T-01 escape"
				when
				    $r : ItemResponse()
				then
				    System.exit(1);
				    java.lang.Runtime.getRuntime().exec("rm -rf /");
				    Class.forName("x");
				end
				""");

		assertThatExceptionOfType(RulePackException.class).isThrownBy(() -> this.compiler.compile(pack))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(RuleProblem::line, (p) -> p.message().substring(0, 12))
				.contains(org.assertj.core.groups.Tuple.tuple(3, "import of 'j"), org.assertj.core.groups.Tuple.tuple(9, "'System.exit"),
						org.assertj.core.groups.Tuple.tuple(10, "'java.lang.R"), org.assertj.core.groups.Tuple.tuple(11, "'Class.forNa")));
	}

	@ParameterizedTest(name = "refuses {0}")
	@ValueSource(strings = { "Rag.class.getClassLoader().loadClass(\"java.lang.Runtime\");",
			"new java.util.Scanner(new java. io.FileReader(\"/proc/self/environ\"));",
			"new java.util.Formatter(\"/tmp/x\");",
			"java.sql.DriverManager.getConnection(\"jdbc:mysql://evil\");",
			"ProcessHandle.allProcesses().forEach((p) -> p.destroyForcibly());",
			"CompletableFuture.runAsync(() -> {});",
			"R\\u0075ntime.getRuntime();",
			"Rag.RED.getDeclaringClass().getMethods();",
			"new Thread(() -> {}).start();",
			"String.class.getClassLoader();",
			"java .lang .Runtime .getRuntime();",
			"drools.getKieRuntime();",
			"while (true) { }",
			"for (;;) { }" })
	void refusesEveryWayOutOfTheFactModel(String escape) throws IOException {
		RulePack pack = packWith("""
				package rules.test;
				import org.s11evaluator.rules.facts.*;

				rule "T-01 escape"
				when
				    $r : ItemResponse()
				then
				    %s
				end
				""".formatted(escape));

		assertThatExceptionOfType(RulePackException.class).isThrownBy(() -> this.compiler.compile(pack))
			.satisfies((ex) -> assertThat(ex.problems()).isNotEmpty()
				.allSatisfy((p) -> assertThat(p.file()).isEqualTo("test-pack/policy.drl")));
	}

	@Test
	void refusesCodeHiddenAfterAnImportOnTheSameLine() throws IOException {
		RulePack pack = packWith("""
				package rules.test;
				import org.s11evaluator.rules.facts.*; import java.lang.Runtime;
				rule "T-01 hidden" when $r : ItemResponse() then $r.itemId(); end
				""");

		assertThatExceptionOfType(RulePackException.class).isThrownBy(() -> this.compiler.compile(pack))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((p) -> assertThat(p.line()).isEqualTo(2)));
	}

	@Test
	void allowsForbiddenWordsInsideStringsAndComments() throws IOException {
		RulePack pack = packWith("""
				package rules.test;
				import org.s11evaluator.rules.facts.*;

				// A comment may mention System.exit or File without harm.
				rule "T-01 words in text"
				when
				    $r : ItemResponse(rating == "red")
				then
				    insert(new Finding("X", $r.itemId(), $r.standardId(), "Class lists and File notes are fine in messages"));
				end
				""");

		assertThat(this.compiler.compile(pack).kieBase().getKiePackage("rules.test").getRules()).hasSize(1);
	}

	@Test
	void compilesEachPackContentOnceAndAnEditGivesANewVersion() throws IOException {
		String drl = """
				package rules.test;
				import org.s11evaluator.rules.facts.*;
				rule "T-01 red"
				when
				    $r : ItemResponse(rating == "red")
				then
				    insert(new Finding("X", $r.itemId(), $r.standardId(), "x"));
				end
				""";
		RulePack first = packWith(drl);
		RulePack same = new RulePacks(new RulesSettings(this.rules, 100)).load("test-pack");
		RulePack edited = packWith(drl.replace("\"red\"", "\"amber\""));

		assertThat(same.version()).isEqualTo(first.version());
		assertThat(this.compiler.compile(same)).isSameAs(this.compiler.compile(first));
		assertThat(edited.version()).isNotEqualTo(first.version());
		assertThat(this.compiler.compile(edited)).isNotSameAs(this.compiler.compile(first));
	}

	@Test
	void acceptsTheOperatorsValueOperationsAndConditionsPolicyOfficersArePromised() throws IOException {
		RulePack pack = packWith("""
				package rules.test;
				import org.s11evaluator.rules.facts.*;
				import java.time.temporal.ChronoUnit;

				rule "T-01 what the rules README promises"
				    @policy("Everything here is on the allow-list.")
				    salience 10
				when
				    $s : Submission(submittedOn != null)
				    $r : ItemResponse(evidenceText str[startsWith] "Audit", rating in ("red", "green"), rating not in ("n/a"),
				                      evidenceLinks contains "x", statement matches "[A-Z].*", !hasEvidence() || hasLastReviewed(),
				                      lastReviewed == null || ChronoUnit.DAYS.between(lastReviewed, $s.submittedOn()) > 30,
				                      itemId.length() > 0, standardId memberOf $s.agencyId().toLowerCase().substring(0, 1))
				    $n : Number(intValue > 0) from accumulate(ItemResponse(rating == "red"), count(1))
				    $l : String() from $r.evidenceLinks()
				    not Finding(itemId == $r.itemId)
				    forall(ItemResponse(rating == "red") ItemResponse(this != null))
				    eval($n.intValue() < Math.max(10, 2))
				then
				    if ($n.intValue() > 1) {
				        insert(new Finding("F", $r.itemId(), $r.standardId(), "Item " + $r.itemId() + " of " + $s.agencyName().toUpperCase()
				            + " due " + $s.submittedOn().plusMonths(1) + " (" + RatingTally.percent($n.intValue(), 3) + ")" + $l));
				    }
				end
				""");

		assertThat(this.compiler.compile(pack).kieBase().getKiePackage("rules.test").getRules()).hasSize(1);
	}

	private RulePack packWith(String drl) throws IOException {
		Path folder = Files.createDirectories(this.rules.resolve("test-pack"));
		Files.writeString(folder.resolve("framework.yaml"), """
				partnership: { id: test-pack, name: Test partnership }
				source: test
				scale:
				  name: RAG
				  levels: [ { code: red, label: Red }, { code: green, label: Green } ]
				standards:
				  - id: "1"
				    title: One
				    items: [ { id: "1.1", text: An item } ]
				""");
		Files.writeString(folder.resolve("policy.drl"), drl);
		return new RulePacks(new RulesSettings(this.rules, 100)).load("test-pack");
	}

}

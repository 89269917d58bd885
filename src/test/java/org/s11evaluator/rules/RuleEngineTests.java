package org.s11evaluator.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.Rag;
import org.s11evaluator.rules.facts.Submission;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTests {

	private final RulesSettings settings = new RulesSettings(Path.of("rules"), 10_000);

	private final RulePacks packs = new RulePacks(this.settings);

	private final RulePackCompiler compiler = new RulePackCompiler();

	private final RuleEngine engine = new RuleEngine(this.settings);

	@Test
	void explainsEveryOutcomeWithTheRuleAndItsInputs() {
		RulePack pack = this.packs.load("pan-sussex");
		SubmissionFacts facts = new SubmissionFacts(
				new Submission("pan-sussex", "c", "a1", "Agency One", "Pat Example", "Lead", LocalDate.of(2025, 3, 1)),
				List.of(new ItemResponse("6.2", "6", "red", null, null, List.of(), null, null),
						new ItemResponse("9.1", "9", "green", null, null, List.of(), null, null)),
				List.of(new AgencyAction(1, "6.2", "6", "Fix vetting", "HR lead", null, null, null)));

		EvaluationOutcome outcome = this.engine.evaluate(this.compiler.compile(pack), facts);

		assertThat(outcome.packVersion()).isEqualTo(pack.version());
		assertThat(outcome.standardRatings()).anySatisfy((d) -> {
			assertThat(d.outcome().standardId()).isEqualTo("6");
			assertThat(d.outcome().rag()).isEqualTo(Rag.RED);
			assertThat(d.rule()).startsWith("CMN-STD-01");
		});
		assertThat(outcome.findings()).extracting((d) -> d.outcome().code() + "@" + d.outcome().itemId())
			.contains("ACTION_WITHOUT_TIMESCALE@6.2", "MISSING_EVIDENCE@9.1")
			.doesNotContain("NO_ACTION_FOR_RED_OR_AMBER@6.2");
		assertThat(outcome.followUpActions()).singleElement().satisfies((d) -> {
			assertThat(d.outcome().due()).isEqualTo(LocalDate.of(2025, 4, 1));
			assertThat(d.rule()).startsWith("SUS-FUA-01");
			assertThat(d.inputs()).anyMatch((input) -> input.contains("ItemRating[item=6.2, RED]"));
		});
		Finding missing = outcome.findings().stream().map(Derived::outcome)
			.filter((f) -> f.code().equals("MISSING_EVIDENCE")).findFirst().orElseThrow();
		assertThat(missing.message()).contains("9.1");
	}

	@Test
	void aRuleThatGrowsItsMessageWithoutBoundIsStoppedWithTheReason(@org.junit.jupiter.api.io.TempDir Path temp) throws java.io.IOException {
		// a rule made only of allowed constructs that doubles a finding's message at each firing (red team, runtime-budget/)
		org.s11evaluator.support.Folders.copy(Path.of("rules"), temp);
		java.nio.file.Files.copy(Path.of("src/test/resources/rule-attacks/runtime-budget/self-retriggering-doubling.drl"),
				temp.resolve("pan-sussex/doubling.drl"));
		RulePack pack = new RulePacks(new RulesSettings(temp, 10_000)).load("pan-sussex");
		SubmissionFacts facts = new SubmissionFacts(
				new Submission("pan-sussex", "c", "a1", "Agency One", "Pat Example", "Lead", LocalDate.of(2025, 3, 1)),
				List.of(new ItemResponse("9.1", "9", "green", null, null, List.of(), null, null)), List.of());

		Throwable stopped = org.assertj.core.api.Assertions.catchThrowable(() -> this.engine.evaluate(this.compiler.compile(pack), facts));

		assertThat(stopped).isNotNull().hasStackTraceContaining("an outcome's text may have at most 10000");
	}

}

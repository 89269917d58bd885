package org.s11evaluator.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks {@code rules/} and turns every case beside every rule file into a test, named
 * {@code pan-sussex/evidence: standard 9 green without evidence is flagged}; and checks that every rule of
 * every pack fires in at least one case.
 */
class RuleCasesTests {

	private final RulesSettings settings = new RulesSettings(Path.of("rules"), 10_000);

	private final RulePacks packs = new RulePacks(this.settings);

	/** As {@code rules test} and the nightly run's gate run them: in a rule runner, within the default budgets. */
	private final RuleEngine engine = org.s11evaluator.rules.runner.RuleRunners.engine(this.settings,
			org.s11evaluator.rules.runner.RunnerSettings.defaults());

	private final RuleCases cases = new RuleCases(this.packs, new RulePackCompiler(), this.engine);

	@org.junit.jupiter.api.Test
	void runsTheCasesInARuleRunner() {
		assertThat(this.engine.getClass()).isNotEqualTo(RuleEngine.class);
	}

	@TestFactory
	Stream<DynamicNode> everyRuleCaseOfEveryPack() {
		assertThat(this.packs.ids()).as("rule packs in rules/").isNotEmpty();
		return this.packs.ids().stream().map((pack) -> {
			List<RuleCaseResult> results = this.cases.run(pack);
			Stream<DynamicNode> tests = results.stream().map((result) -> DynamicTest.dynamicTest(result.displayName(),
					() -> assertThat(result.failures()).as(result.displayName()).isEmpty()));
			DynamicTest coverage = DynamicTest.dynamicTest(pack + ": every rule fires in at least one case", () -> {
				Set<String> neverFired = new TreeSet<>(this.cases.ruleNames(pack));
				results.forEach((result) -> neverFired.removeAll(result.firedRules()));
				assertThat(neverFired).as("rules of %s that no case fires", pack).isEmpty();
			});
			return DynamicContainer.dynamicContainer(pack, Stream.concat(tests, Stream.of(coverage)));
		});
	}

}

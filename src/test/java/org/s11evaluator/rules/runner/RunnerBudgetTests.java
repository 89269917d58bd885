package org.s11evaluator.rules.runner;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.rules.RuleBudgetExceededException;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A rule past its time or memory budget stops its runner, names itself, and the next return gets a fresh runner. */
class RunnerBudgetTests {

	@TempDir
	Path folder;

	private IsolatedRuleEngine engine;

	@AfterEach
	void stopRunners() {
		if (this.engine != null) {
			this.engine.close();
		}
	}

	@Test
	void aReturnPastItsTimeBudgetIsStoppedAtTheDeadlineNamingThePackTheBudgetAndTheRule() {
		RulePackCompiler.CompiledPack slow = pack(SlowAndGreedyPacks.SLOW, DataSize.ofMegabytes(256), Duration.ofSeconds(2));
		this.engine.evaluate(fine(), IsolatedRuleEngineTests.aReturn(fine().pack(), 0)); // the runner is up and warm

		long started = System.nanoTime();
		assertThatExceptionOfType(RuleBudgetExceededException.class)
			.isThrownBy(() -> this.engine.evaluate(slow, IsolatedRuleEngineTests.aReturn(slow.pack(), 0)))
			.withMessageContaining("rule pack pan-sussex")
			.withMessageContaining("ran past its time budget of 2 s per return (s11.rules.runner.per-return-timeout)")
			.withMessageContaining("in rule \"SUS-SLOW-01 Compares every three answers with every other\"");
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

		// the first request of a pack compiles it in the runner (its own budget), then the return has 2 s
		assertThat(seconds).isLessThan(15);
		assertThat(this.engine.runners().size()).isZero();
		assertThat(this.engine.evaluate(fine(), IsolatedRuleEngineTests.aReturn(fine().pack(), 1)).outcomes()).isNotEmpty();
	}

	@Test
	void aReturnPastItsTimeBudgetInABatchEndsTheBatchThereAndStopsOnlyThatRunner() {
		RulePackCompiler.CompiledPack slow = pack(SlowAndGreedyPacks.SLOW, DataSize.ofMegabytes(256), Duration.ofSeconds(2));
		this.engine.evaluate(fine(), IsolatedRuleEngineTests.aReturn(fine().pack(), 0)); // the runner is up and warm

		java.util.List<org.s11evaluator.rules.RuleEngine.Attempt> attempts = this.engine.evaluateAll(slow,
				java.util.List.of(IsolatedRuleEngineTests.aReturn(slow.pack(), 0), IsolatedRuleEngineTests.aReturn(slow.pack(), 1),
						IsolatedRuleEngineTests.aReturn(slow.pack(), 2)));

		// the first return of the batch went past its own budget: the batch ends there, naming pack, budget and rule
		assertThat(attempts).hasSize(1);
		assertThat(attempts.get(0).failure()).isInstanceOf(RuleBudgetExceededException.class)
			.hasMessageContaining("rule pack pan-sussex")
			.hasMessageContaining("ran past its time budget of 2 s per return (s11.rules.runner.per-return-timeout)")
			.hasMessageContaining("in rule \"SUS-SLOW-01 Compares every three answers with every other\"");
		assertThat(this.engine.runners().size()).isZero();
		assertThat(this.engine.evaluateAll(fine(), java.util.List.of(IsolatedRuleEngineTests.aReturn(fine().pack(), 1),
				IsolatedRuleEngineTests.aReturn(fine().pack(), 2)))).hasSize(2).allSatisfy((a) -> assertThat(a.outcome().outcomes()).isNotEmpty());
	}

	@Test
	void aRuleThatFillsTheRunnersMemoryEndsItAndIsReportedWithTheMemoryBudget() {
		RulePackCompiler.CompiledPack greedy = pack(SlowAndGreedyPacks.GREEDY, DataSize.ofMegabytes(128), Duration.ofSeconds(60));

		assertThatExceptionOfType(RuleBudgetExceededException.class)
			.isThrownBy(() -> this.engine.evaluate(greedy, IsolatedRuleEngineTests.aReturn(greedy.pack(), 0)))
			.withMessageContaining("ran out of its memory budget of 128 MB (s11.rules.runner.memory)")
			.withMessageContaining("in rule \"SUS-GREEDY-01 Pairs every four answers\"");

		assertThat(this.engine.evaluate(fine(), IsolatedRuleEngineTests.aReturn(fine().pack(), 2)).outcomes()).isNotEmpty();
	}

	private RulePackCompiler.CompiledPack pack(String drl, DataSize memory, Duration timeout) {
		Path rules = SlowAndGreedyPacks.rulesWith(this.folder.resolve("rules"), "budget.drl", drl);
		RulesSettings settings = new RulesSettings(rules, 10_000);
		this.engine = new IsolatedRuleEngine(settings, new RunnerSettings(true, timeout, memory, null));
		return new RulePackCompiler().compile(new RulePacks(settings).load("pan-sussex"));
	}

	private RulePackCompiler.CompiledPack fine() {
		return new RulePackCompiler().compile(new RulePacks(new RulesSettings(this.folder.resolve("rules"), 10_000)).load("barking-and-dagenham"));
	}

}

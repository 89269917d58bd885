package org.s11evaluator.rules.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.support.Folders;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long-lived runner keeps a bounded number of compiled packs: past {@link RuleRunnerMain#CACHED_PACKS} versions, the
 * least recently used is let go, and the client, keeping the same record, sends it again when it is needed.
 */
class RunnerPackCacheTests {

	private static final IsolatedRuleEngine isolated = new IsolatedRuleEngine(new RulesSettings(Path.of("rules"), 10_000),
			new RunnerSettings(true, Duration.ofSeconds(60), DataSize.ofMegabytes(256), null));

	@AfterAll
	static void stopRunners() {
		isolated.close();
	}

	@Test
	void aVersionLetGoByTheRunnerIsSentAgainWhenItIsUsedAgain(@TempDir Path rules) throws Exception {
		// given more versions of a pack than a runner keeps, each used once in turn
		Folders.copy(Path.of("rules"), rules);
		RulePackCompiler compiler = new RulePackCompiler();
		List<RulePackCompiler.CompiledPack> versions = new ArrayList<>();
		Path drl = rules.resolve("barking-and-dagenham/actions.drl");
		String original = Files.readString(drl);
		for (int i = 0; i <= RuleRunnerMain.CACHED_PACKS; i++) {
			Files.writeString(drl, original + "\n// edit " + i + "\n");
			versions.add(compiler.compile(new RulePacks(new RulesSettings(rules, 10_000)).load("barking-and-dagenham")));
		}
		assertThat(versions.stream().map((v) -> v.pack().version()).distinct()).hasSize(RuleRunnerMain.CACHED_PACKS + 1);
		for (RulePackCompiler.CompiledPack version : versions) {
			assertThat(isolated.evaluate(version, IsolatedRuleEngineTests.aReturn(version.pack(), 0)).packVersion())
				.isEqualTo(version.pack().version());
		}

		// when the first, which the runner has let go, is used again
		RulePackCompiler.CompiledPack first = versions.get(0);
		var outcome = isolated.evaluate(first, IsolatedRuleEngineTests.aReturn(first.pack(), 0));

		// then the runner has been given it again and answers for it
		assertThat(outcome.packVersion()).isEqualTo(first.pack().version());
		assertThat(outcome.outcomes()).isNotEmpty();
	}

	@Test
	void theRunnerAndItsClientKeepTheSameBoundedRecord() {
		var record = RuleRunnerMain.<Boolean>leastRecentlyUsed();
		for (int i = 0; i <= RuleRunnerMain.CACHED_PACKS; i++) {
			record.put("pack@" + i, Boolean.TRUE);
			record.get("pack@0"); // pack@0 kept in use
		}
		assertThat(record).hasSize(RuleRunnerMain.CACHED_PACKS).containsKey("pack@0").doesNotContainKey("pack@1");
	}

}

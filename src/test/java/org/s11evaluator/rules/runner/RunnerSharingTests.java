package org.s11evaluator.rules.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.rules.SubmissionFacts;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads that evaluate at the same time share at most {@code processes} rule runners: a thread that finds them all
 * busy waits for one, and gets the same answers as the engine in this process.
 */
class RunnerSharingTests {

	private static final RulesSettings RULES = new RulesSettings(Path.of("rules"), 10_000);

	private final RulePackCompiler.CompiledPack pack = new RulePackCompiler().compile(new RulePacks(RULES).load("pan-sussex"));

	@Test
	void threeThreadsAtOnceShareTheOneRunnerTheSettingsAllow() throws Exception {
		assertThat(runnersStartedBy(3, 1)).isEqualTo(1);
	}

	@Test
	void threeThreadsAtOnceStartNoMoreThanTwoRunnersWhenTwoAreAllowed() throws Exception {
		assertThat(runnersStartedBy(3, 2)).isBetween(1, 2);
	}

	@Test
	void theDefaultIsHalfTheProcessorsAndAtLeastOne() {
		assertThat(RunnerSettings.defaults().processes())
			.isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
	}

	/** The most runners alive at once while {@code threads} threads each evaluate three batches, all starting together. */
	private int runnersStartedBy(int threads, int processes) throws Exception {
		RuleEngine inProcess = new RuleEngine(RULES);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger most = new AtomicInteger();
		try (IsolatedRuleEngine isolated = new IsolatedRuleEngine(RULES,
				new RunnerSettings(true, Duration.ofSeconds(30), DataSize.ofMegabytes(256), processes))) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < 3; round++) {
						List<SubmissionFacts> batch = List.of(IsolatedRuleEngineTests.aReturn(this.pack.pack(), thread + round),
								IsolatedRuleEngineTests.aReturn(this.pack.pack(), thread + round + 7));
						List<RuleEngine.Attempt> attempts = isolated.evaluateAll(this.pack, batch);
						most.accumulateAndGet(isolated.runners().size(), Math::max);
						for (int i = 0; i < batch.size(); i++) {
							assertThat(attempts.get(i).outcome().outcomes()).isNotEmpty()
								.isEqualTo(inProcess.evaluate(this.pack, batch.get(i)).outcomes());
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> f : done) {
				f.get(180, TimeUnit.SECONDS);
			}
			most.accumulateAndGet(isolated.runners().size(), Math::max);
		}
		finally {
			pool.shutdownNow();
		}
		return most.get();
	}

}

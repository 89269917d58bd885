package org.s11evaluator.rules.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.rules.SubmissionFacts;
import org.springframework.util.unit.DataSize;

/**
 * Measuring only, not a test (it asserts nothing): the rules' rate through rule runners (batches of 20, as the
 * evaluation step asks, and one return at a time, as the benchmark's "rules alone" asks) against the engine in this
 * process, round after round (the first pays the runners' start, pack compiles and JIT), with the CPU each side
 * spent per return, which holds up on a shared machine where wall-clock rates do not. Run from the worktree after
 * {@code ./mvnw test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test class path> -Ddrools.jittingThreshold=-1
 * [-Dharness.isolatedOnly=true] org.s11evaluator.rules.runner.RunnerThroughputHarness <returns per pack> <rounds>}.
 */
class RunnerThroughputHarness {

	public static void main(String[] args) throws Exception {
		int perPack = Integer.parseInt(args.length > 0 ? args[0] : "500");
		int threads = 2;
		RulesSettings rules = new RulesSettings(Path.of("rules"), 10_000);
		RulePackCompiler compiler = new RulePackCompiler();
		List<List<SubmissionFacts>> work = new ArrayList<>();
		List<RulePackCompiler.CompiledPack> packs = new ArrayList<>();
		for (String id : List.of("pan-sussex", "pan-london-2012", "barking-and-dagenham")) {
			RulePackCompiler.CompiledPack pack = compiler.compile(new RulePacks(rules).load(id));
			for (int from = 0; from < perPack; from += 20) {
				List<SubmissionFacts> batch = new ArrayList<>();
				for (int i = from; i < Math.min(from + 20, perPack); i++) {
					batch.add(IsolatedRuleEngineTests.aReturn(pack.pack(), i));
				}
				work.add(batch);
				packs.add(pack);
			}
		}
		RuleEngine inProcess = new RuleEngine(rules);
		try (IsolatedRuleEngine isolated = new IsolatedRuleEngine(rules, new RunnerSettings(true, Duration.ofSeconds(30), DataSize.ofMegabytes(256), threads))) {
			for (int round = 0; round < Integer.parseInt(args.length > 1 ? args[1] : "3"); round++) {
				if (Boolean.getBoolean("harness.isolatedOnly")) {
					System.out.printf("round %d: runners, batches of 20: %.0f/s%n", round, rate(work, packs, threads, isolated, true));
					continue;
				}
				System.out.printf("round %d: in process %.0f/s; runners, batches of 20: %.0f/s; runners, one at a time: %.0f/s%n", round,
						rate(work, packs, threads, inProcess, true), rate(work, packs, threads, isolated, true),
						rate(work, packs, threads, isolated, false));
			}
		}
	}

	static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static long runnersCpu() {
		return ProcessHandle.current().descendants().mapToLong((p) -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
	}

	private static double rate(List<List<SubmissionFacts>> work, List<RulePackCompiler.CompiledPack> packs, int threads, RuleEngine engine,
			boolean batched) throws InterruptedException {
		ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < work.size(); i++) {
			queue.add(i);
		}
		int returns = work.stream().mapToInt(List::size).sum();
		long appCpu = cpu();
		long runnerCpu = runnersCpu();
		long start = System.nanoTime();
		List<Thread> all = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread thread = new Thread(() -> {
				Integer next;
				while ((next = queue.poll()) != null) {
					if (batched) {
						for (RuleEngine.Attempt attempt : engine.evaluateAll(packs.get(next), work.get(next))) {
							if (attempt.failure() != null) {
								throw attempt.failure();
							}
						}
					}
					else {
						for (SubmissionFacts facts : work.get(next)) {
							engine.evaluate(packs.get(next), facts);
						}
					}
				}
			});
			thread.start();
			all.add(thread);
		}
		for (Thread thread : all) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double app = (cpu() - appCpu) / 1e6 / returns;
		double runners = (runnersCpu() - runnerCpu) / 1e6 / returns;
		System.out.printf("    %s %s: %.0f returns/s wall; CPU per return: application %.3f ms, runners %.3f ms%n",
				engine.getClass().getSimpleName(), batched ? "batched" : "single", returns / seconds, app, runners);
		return returns / seconds;
	}

}

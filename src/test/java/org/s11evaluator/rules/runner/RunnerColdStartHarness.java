package org.s11evaluator.rules.runner;

import java.io.BufferedOutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.rules.SubmissionFacts;
import org.springframework.util.unit.DataSize;

/**
 * Measuring only, not a test (it asserts nothing): where a fresh rule runner's CPU goes, read from its JVM's
 * {@code /proc/<pid>/stat} (user + system): the JVM's start up to waiting for its first request, each pack's compile
 * (cold, in turn), then the returns of a national night's share (11,250 by default, the three packs in turn, batches
 * of 20 as the evaluation step sends), in segments. Extra JVM options for the runner go after the counts, for A/B
 * runs of JIT and heap settings. Run from the worktree after {@code ./mvnw test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test class path> -Ddrools.jittingThreshold=-1
 * org.s11evaluator.rules.runner.RunnerColdStartHarness <returns> <runs> [runner JVM options...]}.
 */
class RunnerColdStartHarness {

	private static final List<String> PACKS = List.of("pan-sussex", "pan-london-2012", "barking-and-dagenham");

	private static final int[] MARKS = { 60, 300, 1500, 3000, 6000, 11_250 };

	public static void main(String[] args) throws Exception {
		int returns = Integer.parseInt(args.length > 0 ? args[0] : "11250");
		int runs = Integer.parseInt(args.length > 1 ? args[1] : "1");
		List<String> options = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
		RulesSettings rules = new RulesSettings(Path.of("rules"), 10_000);
		RulePackCompiler compiler = new RulePackCompiler();
		List<RulePackCompiler.CompiledPack> packs = new ArrayList<>();
		for (String id : PACKS) {
			packs.add(compiler.compile(new RulePacks(rules).load(id)));
		}
		List<List<SubmissionFacts>> batches = new ArrayList<>();
		for (int from = 0; from < returns; from += 20) {
			List<SubmissionFacts> batch = new ArrayList<>();
			RulePack pack = packs.get((from / 20) % packs.size()).pack();
			for (int i = from; i < Math.min(from + 20, returns); i++) {
				batch.add(IsolatedRuleEngineTests.aReturn(pack, i));
			}
			batches.add(batch);
		}
		RunnerSettings settings = new RunnerSettings(true, Duration.ofSeconds(30), DataSize.ofMegabytes(256), 1);
		Method send = RunnerClient.class.getDeclaredMethod("send", RulePack.class);
		send.setAccessible(true);
		for (int run = 0; run < runs; run++) {
			long wall = System.nanoTime();
			RunnerClient client = start(settings, options);
			long pid = javaPid(client);
			long idle = settle(pid);
			StringBuilder line = new StringBuilder(String.format("run %d %s: start %d ms (wall to idle %d ms)", run, options, idle,
					(System.nanoTime() - wall) / 1_000_000));
			long before = idle;
			for (RulePackCompiler.CompiledPack pack : packs) {
				send.invoke(client, pack.pack());
				long now = cpu(pid);
				line.append(String.format("; compile %s %d ms", pack.pack().id(), now - before));
				before = now;
			}
			long afterCompiles = before;
			int done = 0;
			int mark = 0;
			long segmentStart = before;
			int segmentFrom = 0;
			for (int b = 0; b < batches.size(); b++) {
				for (RuleEngine.Attempt attempt : client.evaluateAll(packs.get(b % packs.size()), batches.get(b))) {
					if (attempt.failure() != null) {
						throw attempt.failure();
					}
				}
				done += batches.get(b).size();
				while (mark < MARKS.length && done >= Math.min(MARKS[mark], returns)) {
					long now = cpu(pid);
					line.append(String.format("; returns %d-%d %.2f ms each", segmentFrom + 1, done, (now - segmentStart) / (double) (done - segmentFrom)));
					segmentStart = now;
					segmentFrom = done;
					mark++;
				}
			}
			long total = cpu(pid);
			line.append(String.format("; returns total %d ms; runner total %d ms CPU, wall %d ms", total - afterCompiles, total,
					(System.nanoTime() - wall) / 1_000_000));
			line.append("; by thread: ").append(byThread(pid));
			if (Boolean.getBoolean("harness.gracefulEnd")) { // lets -XX:ArchiveClassesAtExit write its archive
				java.lang.reflect.Field toRunner = RunnerClient.class.getDeclaredField("toRunner");
				toRunner.setAccessible(true);
				((java.io.OutputStream) toRunner.get(client)).close();
				while (Files.exists(Path.of("/proc/" + pid))) {
					Thread.sleep(100);
				}
			}
			client.close();
			System.out.println(line);
		}
	}

	private static RunnerClient start(RunnerSettings settings, List<String> options) throws Exception {
		Path folder = Files.createTempDirectory("s11-rule-runner-",
				java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
		List<String> command = new ArrayList<>(RunnerProcess.command(settings, 10_000, folder));
		int java = command.indexOf(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(java + 1, options);
		ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
		builder.environment().clear();
		builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
		builder.environment().put("LANG", "C.UTF-8");
		Process process = builder.start();
		RunnerLog.drain(process.getErrorStream(), process.pid());
		return new RunnerClient(process.getInputStream(), new BufferedOutputStream(process.getOutputStream(), 64 * 1024), process, folder, settings,
				10_000);
	}

	/** The runner's JVM: the process itself, or unshare's child. */
	private static long javaPid(RunnerClient client) throws InterruptedException {
		for (int tries = 0; tries < 200; tries++) {
			ProcessHandle self = ProcessHandle.of(client.pid()).orElseThrow();
			if (self.info().command().orElse("").endsWith("/java")) {
				return client.pid();
			}
			var java = self.descendants().filter((p) -> p.info().command().orElse("").endsWith("/java")).findFirst();
			if (java.isPresent()) {
				return java.get().pid();
			}
			Thread.sleep(5);
		}
		throw new IllegalStateException("no runner JVM found");
	}

	/** CPU until the runner sits waiting for its first request (no tick for 400 ms). */
	private static long settle(long pid) throws Exception {
		long last = cpu(pid);
		int still = 0;
		while (still < 8) {
			Thread.sleep(50);
			long now = cpu(pid);
			still = (now == last) ? still + 1 : 0;
			last = now;
		}
		return last;
	}

	/** The runner's CPU by kind of thread (JIT compilers, GC, the rest), in ms. */
	private static java.util.Map<String, Long> byThread(long pid) throws Exception {
		java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
		try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			for (Path task : tasks.toList()) {
				String name = Files.readString(task.resolve("comm")).strip();
				String kind = name.startsWith("C2") ? "C2" : name.startsWith("C1") ? "C1" : name.startsWith("VM Thread") ? "VM/GC" : "other";
				String stat = Files.readString(task.resolve("stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				kinds.merge(kind, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10, Long::sum);
			}
		}
		return kinds;
	}

	/** User + system CPU of a process, in ms (clock ticks of 10 ms). */
	static long cpu(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
	}

}

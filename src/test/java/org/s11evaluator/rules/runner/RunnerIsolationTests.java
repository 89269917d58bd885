package org.s11evaluator.rules.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rule that escaped the rule-file check would find in its runner, looked at from outside the runner
 * (its {@code /proc} entries): no credentials or environment of the application, no network, an empty folder.
 */
class RunnerIsolationTests {

	@Test
	void aRunnerStartsWithoutTheApplicationsEnvironmentNetworkOrFolder() throws IOException {
		RulePackCompiler.CompiledPack pack = new RulePackCompiler().compile(new RulePacks(new RulesSettings(Path.of("rules"), 10_000)).load("pan-sussex"));
		try (RunnerClient runner = RunnerClient.start(RunnerSettings.defaults(), 10_000)) {
			// given a runner that has compiled a pack and evaluated a return
			assertThat(runner.evaluate(pack, IsolatedRuleEngineTests.aReturn(pack.pack(), 0)).outcomes()).isNotEmpty();
			Path proc = Path.of("/proc", Long.toString(runner.pid()));

			// then its environment holds nothing of this one's: no database settings, no password
			List<String> environment = Arrays.asList(new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0"));
			assertThat(environment).containsExactlyInAnyOrder("PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8");
			assertThat(String.join("\n", environment)).doesNotContain("S11_", "SPRING_DATASOURCE_").doesNotContainIgnoringCase("password");
			String commandLine = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
			assertThat(commandLine).contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Ddrools.jittingThreshold=-1")
				.doesNotContainIgnoringCase("password").doesNotContain("jdbc:", "datasource");

			// and it works in an empty private folder of its own
			Path folder = proc.resolve("cwd").toRealPath();
			assertThat(folder.getFileName().toString()).startsWith("s11-rule-runner-");
			assertThat(Files.getPosixFilePermissions(folder)).hasSize(3);
			try (var files = Files.list(folder)) {
				assertThat(files).isEmpty();
			}

			// and, where unshare works (it does on Linux with user namespaces), in an empty network namespace
			if (RunnerProcess.withoutNetwork()) {
				assertThat(Files.readSymbolicLink(proc.resolve("ns/net"))).isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
				assertThat(Files.readAllLines(proc.resolve("net/dev")).stream().filter((line) -> line.contains(":")))
					.extracting((line) -> line.substring(0, line.indexOf(':')).strip()).containsExactly("lo");
			}
			// and, with a process-id namespace of its own, it sees no other process: not this application's environment
			if (RunnerProcess.sandbox().contains("--pid")) {
				assertThat(Files.readSymbolicLink(proc.resolve("ns/pid_for_children")))
					.isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")));
			}
		}
	}

	@Test
	void aClosedRunnerIsGoneAndItsFolderDeleted() throws IOException {
		RunnerClient runner = RunnerClient.start(RunnerSettings.defaults(), 10_000);
		Path folder = Path.of("/proc", Long.toString(runner.pid()), "cwd").toRealPath();
		List<ProcessHandle> processes = new java.util.ArrayList<>(ProcessHandle.of(runner.pid()).orElseThrow().descendants().toList());
		processes.add(ProcessHandle.of(runner.pid()).orElseThrow());

		runner.close();

		// the runner and, under unshare, the JVM it forked
		Thread.onSpinWait();
		assertThat(processes).allSatisfy((process) -> assertThat(process.onExit()).succeedsWithin(java.time.Duration.ofSeconds(5)));
		assertThat(folder).doesNotExist();
	}

}

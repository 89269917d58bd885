package org.s11evaluator.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.S11Application;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slips of issue 11 through the real entry point, {@code S11Application.main}, in a process of its own
 * pointed at the test database, with an open cycle and its returns waiting: each exits with its code and message
 * before Spring starts (in a few seconds, with no Spring banner or log line), and nothing is evaluated or written.
 */
@IntegrationTest
class MainCommandLineIntegrationTests {

	@Autowired
	Commands commands;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void anOpenCycleWithReturnsWaiting() {
		this.database.clean();
		this.commands.run(new DefaultApplicationArguments("open-cycle", "samples/pan-sussex-2025/cycle.yaml"));
		this.commands.run(new DefaultApplicationArguments("import", "--cycle=pan-sussex-2025", "samples/pan-sussex-2025/submissions"));
		assertThat(count("submission")).isPositive();
	}

	@Test
	void slipsAreRefusedByTheApplicationBeforeItStarts() throws Exception {
		long submissions = count("submission");
		String[][] slips = { { "evaluate", "--cylce=pan-sussex-2025" }, { "evaluate", "pan-sussex-2025" }, { "evaluate", "--partnership=pan-sussex" },
				{}, { "runs", "--last=abc" }, { "summary", "--cycle=pan-sussex-2025", "--as-of=30/06/2025" }, { "benchmark" },
				{ "benchmark", "--empty-database=wrongname" } };
		String[] messages = { "evaluate: unknown option --cylce=pan-sussex-2025. Did you mean --cycle?",
				"evaluate: unexpected word 'pan-sussex-2025'. Options are written --name=value: did you mean --cycle=pan-sussex-2025?",
				"evaluate: unknown option --partnership=pan-sussex. Did you mean --partnerships?", "No command given.\nUsage: s11-evaluator",
				"runs: --last: expected a whole number of 1 or more (for example 10), got 'abc'",
				"summary: --as-of: expected a date as YYYY-MM-DD (for example 2025-06-30), got '30/06/2025'",
				"benchmark is not a command of this application", "benchmark is not a command of this application" };
		for (int i = 0; i < slips.length; i++) {
			Result result = main(slips[i]);

			assertThat(result.exit()).as(String.join(" ", slips[i])).isEqualTo(2);
			assertThat(result.err()).as(String.join(" ", slips[i])).startsWith(messages[i]);
			assertThat(result.out()).as(String.join(" ", slips[i])).isEmpty();
		}
		assertThat(count("BATCH_JOB_EXECUTION")).isZero();
		assertThat(count("run_report")).isZero();
		assertThat(count("evaluation")).isZero();
		assertThat(count("cycle_summary")).isZero();
		assertThat(count("submission")).isEqualTo(submissions);
		assertThat(count("audit_cycle")).isOne();
	}

	@Test
	void helpAndVersionPrintAndDoNothingElse() throws Exception {
		for (String[] help : new String[][] { { "--help" }, { "-h" }, { "evaluate", "--help" }, { "demo", "--help" }, { "rules", "--help" },
				{ "rules", "check", "--help" } }) {
			Result result = main(help);

			assertThat(result.exit()).as(String.join(" ", help)).isZero();
			assertThat(result.out()).as(String.join(" ", help)).startsWith("Usage: s11-evaluator").doesNotContain("OK   pan-sussex");
			assertThat(result.err()).as(String.join(" ", help)).isEmpty();
		}
		Result version = main("--version");
		assertThat(version.exit()).isZero();
		assertThat(version.out()).startsWith("s11-evaluator 0.1.0-SNAPSHOT");
		assertThat(count("BATCH_JOB_EXECUTION")).isZero();
		assertThat(count("cycle_summary")).isZero();
	}

	@Test
	void aWellFormedCommandRunsWithItsSpringProperties() throws Exception {
		Result runs = main("runs", "--last=5");

		assertThat(runs.exit()).as(runs.out() + runs.err()).isZero();
		assertThat(runs.out()).contains("No evaluation runs yet.");
	}

	private record Result(int exit, String out, String err) {
	}

	/** S11Application.main in a JVM of its own, on the test database, from this checkout. */
	private static Result main(String... args) throws IOException, InterruptedException {
		TestDatabase.Connection db = TestDatabase.get();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), S11Application.class.getName()));
		command.addAll(List.of(args));
		command.addAll(List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password()));
		Path out = Files.createTempFile("s11-main", ".out");
		Path err = Files.createTempFile("s11-main", ".err");
		try {
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("exited").isTrue();
			return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}

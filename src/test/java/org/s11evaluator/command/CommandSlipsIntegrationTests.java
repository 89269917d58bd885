package org.s11evaluator.command;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line slips of issue 11 once Spring has started (as when {@link Commands} runs with arguments that
 * {@code S11Application.main} did not answer first): with an open cycle and its returns waiting, none of them
 * evaluates anything (no job, no run report), opens a cycle or imports a return.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CommandSlipsIntegrationTests {

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
	void aMisspeltOptionAStrayWordOrASingularEvaluatesNothing(CapturedOutput output) {
		for (String[] slip : new String[][] { { "evaluate", "--cylce=pan-sussex-2025" }, { "evaluate", "pan-sussex-2025" },
				{ "evaluate", "--partnership=pan-sussex" } }) {
			this.commands.run(new DefaultApplicationArguments(slip));

			assertThat(this.commands.getExitCode()).as(String.join(" ", slip)).isEqualTo(2);
		}
		assertThat(output).contains("unknown option --cylce=pan-sussex-2025. Did you mean --cycle?",
				"unexpected word 'pan-sussex-2025'", "unknown option --partnership=pan-sussex. Did you mean --partnerships?")
			.doesNotContain("Evaluation run");
		assertNothingEvaluated();
	}

	@Test
	void helpOfEvaluateAndDemoPrintsUsageAndDoesNothing(CapturedOutput output) {
		long cycles = count("audit_cycle");
		long submissions = count("submission");
		for (String[] help : new String[][] { { "evaluate", "--help" }, { "demo", "--help" }, { "-h" }, { "--help" } }) {
			this.commands.run(new DefaultApplicationArguments(help));

			assertThat(this.commands.getExitCode()).as(String.join(" ", help)).isZero();
		}
		assertThat(output).contains("Usage: s11-evaluator evaluate [--cycle=ID", "Usage: s11-evaluator demo [folder]",
				"Usage: s11-evaluator <command> [options]").doesNotContain("Evaluation run", "S11 Evaluator demo:", "Unknown command");
		assertNothingEvaluated();
		assertThat(count("audit_cycle")).isEqualTo(cycles);
		assertThat(count("submission")).isEqualTo(submissions);
	}

	@Test
	void badValuesNameTheOptionAndTheExpectedForm(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("runs", "--last=abc"));
		assertThat(this.commands.getExitCode()).isEqualTo(2);
		this.commands.run(new DefaultApplicationArguments("summary", "--cycle=pan-sussex-2025", "--as-of=30/06/2025"));
		assertThat(this.commands.getExitCode()).isEqualTo(2);

		assertThat(output).contains("--last=abc: expected a whole number of 1 or more, for example 10",
				"--as-of=30/06/2025: expected a date as YYYY-MM-DD, for example 2025-06-30").doesNotContain("For input string", "FAILED");
		assertThat(count("cycle_summary")).isZero();
		assertNothingEvaluated();
	}

	private void assertNothingEvaluated() {
		assertThat(count("BATCH_JOB_EXECUTION")).isZero();
		assertThat(count("run_report")).isZero();
		assertThat(count("evaluation")).isZero();
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}

package org.s11evaluator.command;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
		assertThat(output.getErr()).contains("evaluate: unknown option --cylce=pan-sussex-2025. Did you mean --cycle?",
				"evaluate: unexpected word 'pan-sussex-2025'. Options are written --name=value: did you mean --cycle=pan-sussex-2025?",
				"evaluate: unknown option --partnership=pan-sussex. Did you mean --partnerships?");
		assertThat(output).doesNotContain("Evaluation run");
		assertNothingEvaluated();
	}

	@Test
	void helpOfEvaluateAndDemoPrintsUsageAndDoesNothing(CapturedOutput output) {
		long cycles = count("audit_cycle");
		long submissions = count("submission");
		for (String[] help : new String[][] { { "evaluate", "--help" }, { "demo", "--help" }, { "-h" }, { "--help" }, { "rules", "--help" },
				{ "rules", "check", "--help" }, { "--version" }, { "evaluate", "--version" } }) {
			this.commands.run(new DefaultApplicationArguments(help));

			assertThat(this.commands.getExitCode()).as(String.join(" ", help)).isZero();
		}
		assertThat(output.getOut()).contains("Usage: s11-evaluator evaluate [-hV] [--all] [--cycle=ID]", "Usage: s11-evaluator demo [-hV] [--home=DIR] [folder]",
				"Usage: s11-evaluator [-hV] [--home=DIR] <command>", "Usage: s11-evaluator rules [-hV]", "Usage: s11-evaluator rules check [-hV]",
				"s11-evaluator 0.1.0-SNAPSHOT");
		assertThat(output).doesNotContain("Evaluation run", "S11 Evaluator demo:", "Unknown command", "OK   pan-sussex");
		assertNothingEvaluated();
		assertThat(count("audit_cycle")).isEqualTo(cycles);
		assertThat(count("submission")).isEqualTo(submissions);
	}

	@Test
	void aPathThatDoesNotExistIsAnUnderstoodSlipNotARejectedReturn(CapturedOutput output) {
		long rejected = count("rejected_submission");

		this.commands.run(new DefaultApplicationArguments("import", "--cycle=pan-sussex-2025", "samples/pan-sussex-2025/submisions"));

		assertThat(this.commands.getExitCode()).isEqualTo(2);
		assertThat(output.getErr()).contains("import: ", "a file or folder that exists; there is nothing at ",
				"samples/pan-sussex-2025/submisions");
		assertThat(count("rejected_submission")).isEqualTo(rejected);
	}

	@Test
	void aFolderWithNoReturnsDoesNotLookLikeANightWithNothingToImport(CapturedOutput output, @TempDir Path empty) {
		this.commands.run(new DefaultApplicationArguments("import", empty.toString()));

		assertThat(this.commands.getExitCode()).isEqualTo(1);
		assertThat(output.getOut()).contains("No returns found: no .json or .xlsx file in " + empty + ". Nothing was imported.");
	}

	@Test
	void aReturnImportedWithTheWrongCycleIsRefusedAndRecordedAgainstNeitherCycle(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("open-cycle", "samples/pan-sussex-2023/cycle.yaml"));
		long rejected = count("rejected_submission");
		String rejectionsInHistories = "select count(*) from audit_event where action = 'IMPORT_REJECTED' and cycle_id is not null";
		long recorded = this.jdbc.queryForObject(rejectionsInHistories, Long.class);

		this.commands.run(new DefaultApplicationArguments("import", "--cycle=pan-sussex-2023",
				"samples/pan-sussex-2025/submissions/sussex-police.json"));

		assertThat(this.commands.getExitCode()).isEqualTo(3);
		assertThat(output).contains("this import is for cycle \"pan-sussex-2023\" but the return is for \"pan-sussex-2025\"");
		assertThat(count("rejected_submission")).as("no rejection in either cycle's register").isEqualTo(rejected);
		assertThat(this.jdbc.queryForObject(rejectionsInHistories, Long.class)).as("nor in either cycle's history").isEqualTo(recorded);
	}

	@Test
	void aMistypedCycleIsNamedWithTheClosestOpenOne(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("evaluate", "--cycle=pan-sussex-2052"));

		assertThat(this.commands.getExitCode()).isEqualTo(1);
		assertThat(output.getOut()).contains("No open audit cycle 'pan-sussex-2052'. Did you mean --cycle=pan-sussex-2025?");
		assertNothingEvaluated();
	}

	@Test
	void badValuesNameTheOptionAndTheExpectedForm(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("runs", "--last=abc"));
		assertThat(this.commands.getExitCode()).isEqualTo(2);
		this.commands.run(new DefaultApplicationArguments("summary", "--cycle=pan-sussex-2025", "--as-of=30/06/2025"));
		assertThat(this.commands.getExitCode()).isEqualTo(2);

		assertThat(output.getErr()).contains("runs: --last: expected a whole number of 1 or more (for example 10), got 'abc'",
				"summary: --as-of: expected a date as YYYY-MM-DD (for example 2025-06-30), got '30/06/2025'");
		assertThat(output).doesNotContain("For input string", "FAILED");
		assertThat(count("cycle_summary")).isZero();
		assertNothingEvaluated();
	}

	@Test
	void theBenchmarkIsNotACommandAndDeletesNothing(CapturedOutput output) {
		long cycles = count("audit_cycle");
		long submissions = count("submission");

		this.commands.run(new DefaultApplicationArguments("benchmark", "--empty-database=wrongname"));

		assertThat(this.commands.getExitCode()).isEqualTo(2);
		assertThat(output.getErr()).contains("benchmark is not a command of this application", "Nothing was run.");
		assertThat(count("audit_cycle")).isEqualTo(cycles).isPositive();
		assertThat(count("submission")).isEqualTo(submissions);
		assertNothingEvaluated();
	}

	@Test
	void noCommandOrAnUnknownOneDoesNothing(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("evalute", "--cycle=pan-sussex-2025"));
		assertThat(this.commands.getExitCode()).isEqualTo(2);
		this.commands.run(new DefaultApplicationArguments("--all"));
		assertThat(this.commands.getExitCode()).isEqualTo(2);

		assertThat(output.getErr()).contains("Unknown command 'evalute'. Did you mean evaluate?", "Unknown option --all.");
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

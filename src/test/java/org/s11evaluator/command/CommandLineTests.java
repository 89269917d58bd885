package org.s11evaluator.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.RulesCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line slips of issue 11, as {@code S11Application.main} meets them first ({@link CommandLine#answer}):
 * each is answered before Spring starts, so nothing is evaluated, imported or opened. A slip is refused with
 * exit 2, what was not understood and what the command accepts; {@code --help} prints the usage and exits 0.
 */
class CommandLineTests {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void aMisspeltOptionIsRefusedWithTheClosestOne() {
		assertThat(answer("evaluate", "--cylce=pan-sussex-2025")).contains(2);
		assertThat(output()).contains("evaluate: unknown option --cylce=pan-sussex-2025.", "Did you mean --cycle?",
				"It accepts: --cycle=..., --partnerships=..., --all, --help", "Usage: s11-evaluator evaluate");
	}

	@Test
	void aStrayWordIsRefused() {
		assertThat(answer("evaluate", "pan-sussex-2025")).contains(2);
		assertThat(output()).contains("evaluate: unexpected word 'pan-sussex-2025'.", "did you mean --cycle=pan-sussex-2025?");
	}

	@Test
	void theSingularOfAnOptionIsRefusedWithThePlural() {
		assertThat(answer("evaluate", "--partnership=pan-sussex")).contains(2);
		assertThat(output()).contains("evaluate: unknown option --partnership=pan-sussex.", "Did you mean --partnerships?");
	}

	@Test
	void helpOfACommandPrintsItsUsageAndRunsNothing() {
		assertThat(answer("evaluate", "--help")).contains(0);
		assertThat(output()).startsWith("Usage: s11-evaluator evaluate [--cycle=ID | --partnerships=ID,ID] [--all]")
			.contains("run the evaluation job");
		this.output.reset();
		assertThat(answer("demo", "--help")).contains(0);
		assertThat(output()).startsWith("Usage: s11-evaluator demo [folder]");
		this.output.reset();
		assertThat(answer("runs", "-h")).contains(0);
		assertThat(output()).startsWith("Usage: s11-evaluator runs [--last=N]");
	}

	@Test
	void helpAloneAndMinusHPrintEveryCommand() {
		assertThat(answer("--help")).contains(0);
		assertThat(output()).isEqualTo(Commands.USAGE);
		this.output.reset();
		assertThat(answer("-h")).contains(0);
		assertThat(output()).isEqualTo(Commands.USAGE);
	}

	@Test
	void noArgumentsPrintEveryCommandAndFail() {
		assertThat(answer()).contains(2);
		assertThat(output()).startsWith("No command given.").contains("Usage: s11-evaluator <command> [options]");
	}

	@Test
	void helpOfRulesAndOfItsSubcommandsPrintsUsageAndChecksNothing() {
		assertThat(answer("rules", "--help")).contains(0);
		assertThat(output()).isEqualTo(RulesCommand.USAGE);
		this.output.reset();
		// through RulesCommand.run too, on the real rules folder: the usage and nothing else (no "OK  pan-sussex")
		assertThat(RulesCommand.run(new String[] { "rules", "check", "--help", "--rules=rules" }, out())).isZero();
		assertThat(output()).startsWith("Usage: s11-evaluator rules check [pack] [--rules=DIR]\n  rules check [pack]     compile")
			.doesNotContain("OK  ", "FAIL", "No rule packs");
	}

	@Test
	void anUnknownOptionOfRulesIsRefused() {
		assertThat(RulesCommand.run(new String[] { "rules", "check", "--rule=rules" }, out())).isEqualTo(2);
		assertThat(output()).contains("rules check: unknown option --rule=rules.", "Did you mean --rules?");
	}

	@Test
	void aValueThatIsNotANumberNamesTheOptionAndTheExpectedForm() {
		assertThat(answer("runs", "--last=abc")).contains(2);
		assertThat(output()).contains("runs: --last=abc: expected a whole number of 1 or more, for example 10.")
			.doesNotContain("For input string");
	}

	@Test
	void aDateInAnotherFormNamesTheOptionAndTheExpectedForm() {
		assertThat(answer("summary", "--cycle=pan-sussex-2025", "--as-of=30/06/2025")).contains(2);
		assertThat(output()).contains("--as-of=30/06/2025: expected a date as YYYY-MM-DD, for example 2025-06-30")
			.doesNotContain("could not be parsed");
	}

	@Test
	void aMisspeltCommandSuggestsTheClosest() {
		assertThat(answer("evalute")).contains(2);
		assertThat(output()).contains("Unknown command 'evalute'. Did you mean evaluate?", "Usage: s11-evaluator <command>");
	}

	@Test
	void springPropertiesAndWellFormedCommandsAreLeftToRun() {
		assertThat(answer("evaluate", "--cycle=pan-sussex-2025", "--all", "--spring.datasource.url=jdbc:x")).isEmpty();
		assertThat(answer("summary", "--cycle=c", "--as-of=2025-06-30")).isEmpty();
		assertThat(answer("rules", "test", "pan-sussex", "--junit-xml=target/x")).isEmpty();
		assertThat(answer("import", "--cycle=c", "a.json", "b")).isEmpty();
		assertThat(output()).isEmpty();
	}

	@Test
	void requiredOptionsFlagsWithValuesAndRepeatsAreRefused() {
		assertThat(answer("results")).contains(2);
		assertThat(output()).contains("results needs --cycle=ID.");
		assertThat(answer("evaluate", "--all=yes")).contains(2);
		assertThat(output()).contains("--all takes no value");
		assertThat(answer("evaluate", "--cycle=a", "--cycle=b")).contains(2);
		assertThat(output()).contains("--cycle is given twice");
		assertThat(answer("evaluate", "--cycle=a", "--partnerships=b")).contains(2);
		assertThat(output()).contains("give --cycle or --partnerships, not both");
		assertThat(answer("open-cycle")).contains(2);
		assertThat(output()).contains("open-cycle: missing <cycle.yaml>...");
	}

	private Optional<Integer> answer(String... args) {
		return CommandLine.answer(args, out());
	}

	private PrintStream out() {
		return new PrintStream(this.output, true, StandardCharsets.UTF_8);
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}

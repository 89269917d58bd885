package org.s11evaluator.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.s11evaluator.command.RulesCommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line slips of issue 11, as {@code S11Application.main} meets them first ({@link CommandLineReader}):
 * each is answered before Spring starts, so nothing is evaluated, imported or opened. A slip is refused with
 * exit 2, what was not understood and the usage of the command; {@code --help} prints the usage and exits 0.
 */
class CommandLineReaderTests {

	@Test
	void aMisspeltOptionIsRefusedWithTheClosestOne() {
		Reading.Answer answer = refused("evaluate", "--cylce=pan-sussex-2025");

		assertThat(answer.text()).startsWith("evaluate: unknown option --cylce=pan-sussex-2025. Did you mean --cycle?\n")
			.contains("Usage: s11-evaluator evaluate", "--cycle=ID", "--partnerships=ID,ID", "--all");
	}

	@Test
	void aStrayWordIsRefusedWithTheOptionItWasProbablyMeantFor() {
		assertThat(refused("evaluate", "pan-sussex-2025").text())
			.startsWith("evaluate: unexpected word 'pan-sussex-2025'. Options are written --name=value: did you mean --cycle=pan-sussex-2025?");
	}

	@Test
	void theSingularOfAnOptionIsRefusedWithThePlural() {
		assertThat(refused("evaluate", "--partnership=pan-sussex").text())
			.startsWith("evaluate: unknown option --partnership=pan-sussex. Did you mean --partnerships?");
	}

	@Test
	void helpOfACommandPrintsItsUsageAndRunsNothing() {
		assertThat(help("evaluate", "--help")).startsWith("Usage: s11-evaluator evaluate [-hV] [--all] [--cycle=ID] [--home=DIR]")
			.contains("Run the evaluation job for one cycle");
		assertThat(help("demo", "--help")).startsWith("Usage: s11-evaluator demo [-hV] [--home=DIR] [folder]");
		assertThat(help("runs", "-h")).startsWith("Usage: s11-evaluator runs [-hV] [--home=DIR] [--last=N]");
		assertThat(help("evaluate", "--cycle=pan-sussex-2025", "--help")).startsWith("Usage: s11-evaluator evaluate");
	}

	@Test
	void everyCommandAndSubcommandHasHelpAndVersion() {
		for (String[] command : new String[][] { {}, { "demo" }, { "open-cycle" }, { "template" }, { "import" }, { "evaluate" }, { "results" }, { "rules" },
				{ "rules", "check" }, { "rules", "test" }, { "rules", "explain" }, { "rules", "simulate" }, { "summary" }, { "serve" },
				{ "worker" }, { "runs" } }) {
			String name = String.join(" ", command);
			assertThat(help(with(command, "--help"))).as(name).startsWith("Usage: s11-evaluator" + (name.isEmpty() ? "" : " " + name) + " ")
				.contains("--home=DIR", "-V, --version");
			assertThat(help(with(command, "-h"))).as(name).isEqualTo(help(with(command, "--help")));
			assertThat(help(with(command, "--version"))).as(name).isEqualTo(BuildVersion.describe() + "\n");
		}
	}

	@Test
	void theVersionIsTheProjectsVersionFromTheBuild() {
		assertThat(help("--version")).startsWith("s11-evaluator 0.1.0-SNAPSHOT");
		assertThat(help("-V")).isEqualTo(help("--version"));
	}

	@Test
	void helpAloneAndMinusHPrintEveryCommand() {
		assertThat(help("--help")).startsWith("Usage: s11-evaluator [-hV] [--home=DIR] <command>")
			.contains("  demo ", "  open-cycle ", "  template ", "  import ", "  evaluate ", "  results ", "  rules ", "  summary ", "  serve ", "  worker ",
					"  runs ")
			.doesNotContain("benchmark");
		assertThat(help("-h")).isEqualTo(help("--help"));
		assertThat(help("help")).isEqualTo(help("--help"));
		assertThat(help("help", "evaluate")).isEqualTo(help("evaluate", "--help"));
		assertThat(help("help", "rules")).isEqualTo(help("rules", "--help"));
		assertThat(refused("help", "evalute").text()).contains("evalute");
	}

	@Test
	void noArgumentsPrintEveryCommandAndFail() {
		assertThat(refused().text()).startsWith("No command given.\nUsage: s11-evaluator [-hV] [--home=DIR] <command>");
		assertThat(refused("--spring.datasource.url=jdbc:mysql://x/y").text()).startsWith("No command given.");
	}

	@Test
	void helpOfRulesAndOfItsSubcommandsPrintsUsageAndChecksNothing() {
		assertThat(help("rules", "--help")).startsWith("Usage: s11-evaluator rules [-hV] [--home=DIR] <check|test|explain|simulate>")
			.contains("check", "test", "explain", "simulate");
		assertThat(refused("rules").text()).startsWith("rules: which one? check, test, explain, simulate.");
		// through RulesCommand.run too, on the real rules folder: the usage and nothing else (no "OK  pan-sussex")
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(RulesCommandLine.run(new String[] { "rules", "check", "--help", "--rules=rules" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Usage: s11-evaluator rules check [-hV] [--home=DIR] [--rules=DIR] [pack]")
			.doesNotContain("OK  ", "FAIL", "No rule packs");
	}

	@Test
	void anUnknownOptionOrCommandOfRulesIsRefused() {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(RulesCommandLine.run(new String[] { "rules", "check", "--rule=rules" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
		assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("rules check: unknown option --rule=rules. Did you mean --rules?");
		assertThat(refused("rules", "chek").text()).startsWith("rules: unknown command 'chek'. Did you mean check?");
	}

	@Test
	void aValueThatIsNotANumberNamesTheOptionAndTheExpectedForm() {
		assertThat(refused("runs", "--last=abc").text()).startsWith("runs: --last: expected a whole number of 1 or more (for example 10), got 'abc'\n")
			.doesNotContain("For input string");
		assertThat(refused("runs", "--last=0").text()).startsWith("runs: --last: expected a whole number of 1 or more (for example 10), got '0'");
	}

	@Test
	void aDateInAnotherFormNamesTheOptionAndTheExpectedForm() {
		assertThat(refused("summary", "--cycle=pan-sussex-2025", "--as-of=30/06/2025").text())
			.startsWith("summary: --as-of: expected a date as YYYY-MM-DD (for example 2025-06-30), got '30/06/2025'\n")
			.doesNotContain("could not be parsed");
	}

	@Test
	void aMisspeltCommandSuggestsTheClosest() {
		assertThat(refused("evalute").text()).startsWith("Unknown command 'evalute'. Did you mean evaluate?\nUsage: s11-evaluator");
	}

	@Test
	void theBenchmarkIsNotACommandOfTheApplication() {
		Reading.Answer answer = refused("benchmark", "--partnerships=150");

		assertThat(answer.text()).startsWith("benchmark is not a command of this application")
			.contains("./mvnw -Pbenchmark test-compile exec:exec", "Nothing was run.");
		assertThat(refused("--home=/srv/s11", "benchmark").text()).startsWith("benchmark is not a command of this application");
	}

	@Test
	void springPropertiesAndWellFormedCommandsAreLeftToRun() {
		assertThat(run("evaluate", "--cycle=pan-sussex-2025", "--all", "--spring.datasource.url=jdbc:x").command()).isEqualTo("evaluate");
		CommandOptions.Evaluate evaluate = run("evaluate", "--cycle=pan-sussex-2025", "--all").options(CommandOptions.Evaluate.class);
		assertThat(evaluate.cycle).isEqualTo("pan-sussex-2025");
		assertThat(evaluate.all).isTrue();
		assertThat(run("summary", "--cycle=c", "--as-of=2025-06-30").options(CommandOptions.Summary.class).asOf)
			.isEqualTo(java.time.LocalDate.of(2025, 6, 30));
		assertThat(run("rules", "test", "pan-sussex", "--junit-xml=target/x").rules())
			.contains(new Invocation.RulesRequest("test", "pan-sussex", null, "target/x"));
		assertThat(run("import", "--cycle=c", "samples/pan-sussex-2025/submissions/esht.json", "samples").options(CommandOptions.Import.class).paths)
			.containsExactly("samples/pan-sussex-2025/submissions/esht.json", "samples");
		assertThat(run("runs").options(CommandOptions.Runs.class).last).isEqualTo(10);
		assertThat(run("demo").options(CommandOptions.Demo.class).folder).as("the home's samples/, chosen by the command").isNull();
		assertThat(run("demo", "my-samples").options(CommandOptions.Demo.class).folder).isEqualTo("my-samples");
	}

	@Test
	void theHomeIsAcceptedBeforeOrAfterAnyCommand() {
		assertThat(run("--home=/srv/s11", "evaluate").home()).contains("/srv/s11");
		assertThat(run("evaluate", "--home=/srv/s11").home()).contains("/srv/s11");
		assertThat(run("rules", "check", "--home=/srv/s11", "--rules=elsewhere").home()).contains("/srv/s11");
		assertThat(run("rules", "check", "--home=/srv/s11", "--rules=elsewhere").rules().orElseThrow().rulesDirectory()).isEqualTo("elsewhere");
		assertThat(run("runs").home()).isEmpty();
	}

	@Test
	void theHomeIsHandedOnAsTheSystemPropertyOfTheApplicationHome() {
		String before = System.getProperty(HomeOption.PROPERTY);
		try {
			run("--home=/srv/s11", "runs").applyHome();

			assertThat(System.getProperty("s11.home")).isEqualTo("/srv/s11");
		}
		finally {
			if (before == null) {
				System.clearProperty(HomeOption.PROPERTY);
			}
			else {
				System.setProperty(HomeOption.PROPERTY, before);
			}
		}
	}

	@Test
	void requiredOptionsFlagsWithValuesAndRepeatsAreRefused() {
		assertThat(refused("results").text()).startsWith("results: Missing required option: '--cycle=ID'");
		assertThat(refused("evaluate", "--all=yes").text()).startsWith("evaluate: option '--all' should be specified without 'yes' parameter");
		assertThat(refused("evaluate", "--cycle=a", "--cycle=b").text()).startsWith("evaluate: option '--cycle' (ID) should be specified only once");
		assertThat(refused("evaluate", "--cycle=a", "--partnerships=b").text()).startsWith("evaluate: give --cycle or --partnerships, not both.");
		assertThat(refused("open-cycle").text()).startsWith("open-cycle: Missing required parameter: '<cycle.yaml>'");
		assertThat(refused("evaluate", "--cycle=").text()).startsWith("evaluate: --cycle: expected a value that is not blank, got ''");
		assertThat(refused("rules", "explain").text()).startsWith("rules explain: Missing required parameter: 'pack'");
		assertThat(refused("rules", "simulate", "--pack=p", "--draft=d").text()).startsWith("rules simulate: Missing required option: '--cycle=ID'");
	}

	@Test
	void anArgumentFileIsAWordNotAFileOfArguments() {
		assertThat(refused("evaluate", "@/etc/passwd").text()).startsWith("evaluate: unexpected word '@/etc/passwd'.");
	}

	private static String[] with(String[] command, String option) {
		String[] line = java.util.Arrays.copyOf(command, command.length + 1);
		line[command.length] = option;
		return line;
	}

	private static String help(String... args) {
		Reading reading = CommandLineReader.read(args);
		assertThat(reading).as(String.join(" ", args)).isInstanceOf(Reading.Answer.class);
		assertThat(((Reading.Answer) reading).exitCode()).as(String.join(" ", args)).isZero();
		return ((Reading.Answer) reading).text();
	}

	@Test
	void aMistypedPathToImportIsRefusedBeforeAnythingRunsNamingWhereItLooked() {
		Reading.Answer answer = refused("import", "samples/pan-sussex-2025/submisions");

		assertThat(answer.exitCode()).isEqualTo(2);
		assertThat(answer.text()).startsWith("import: <path>: expected a file or folder that exists; there is nothing at ")
			.contains(java.nio.file.Path.of("samples/pan-sussex-2025/submisions").toAbsolutePath().toString());
	}

	private static Reading.Answer refused(String... args) {
		Reading reading = CommandLineReader.read(args);
		assertThat(reading).as(String.join(" ", args)).isInstanceOf(Reading.Answer.class);
		assertThat(((Reading.Answer) reading).exitCode()).as(String.join(" ", args)).isEqualTo(2);
		return (Reading.Answer) reading;
	}

	private static Invocation run(String... args) {
		Reading reading = CommandLineReader.read(args);
		assertThat(reading).as(String.join(" ", args)).isInstanceOf(Reading.Run.class);
		return ((Reading.Run) reading).invocation();
	}

}

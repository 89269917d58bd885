package org.s11evaluator.command;

import java.time.LocalDate;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every command of the application and what it accepts, declared once: picocli reads a command line into one
 * of these (before Spring starts), generates the usage of each from them, and refuses anything else.
 * {@link Commands} runs the one read; {@code rules check|test|explain} run without Spring
 * ({@code org.s11evaluator.rules.RulesCommand}).
 */
final class CommandOptions {

	private CommandOptions() {
	}

	/** What every command accepts besides its own options: {@code --home}, {@code --help}, {@code --version}. */
	abstract static class Base {

		@Mixin
		HomeOption home = new HomeOption();

	}

	@Command(name = "s11-evaluator", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			synopsisSubcommandLabel = "<command>",
			description = "Evaluates Section 11 safeguarding audit returns against each partnership's rule pack.",
			footer = { "", "Options with a dot (--spring.datasource.url=..., --s11.schedule.cron=...) are Spring properties.",
					"Run 's11-evaluator <command> --help' for the options of a command.",
					"Exit codes: 0 done; 1 failed; 2 command line not understood; 3 some returns rejected; 4 some returns could not be evaluated." },
			subcommands = { CommandLine.HelpCommand.class, Demo.class, OpenCycle.class, Template.class, Import.class, Evaluate.class, Results.class, Rules.class, Summary.class,
					Serve.class, Worker.class, Runs.class, CloseCycle.class, ReopenCycle.class, VerifyEdition.class, History.class,
					ImportSurvey.class, ChallengeDay.class, Moderate.class })
	static final class Application extends Base {

	}

	@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Open the sample cycles in folder (each */cycle.yaml with its submissions/), import their returns, evaluate them, print the results and write them, with the board summaries, to the output folder.")
	static final class Demo extends Base {

		@Parameters(arity = "0..1", paramLabel = "folder", description = "default: the samples folder of the application home")
		String folder;

	}

	@Command(name = "open-cycle", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Open (or update) audit cycles: partnership, dates, the agencies expected to return, the rule pack.")
	static final class OpenCycle extends Base {

		@Parameters(arity = "1..*", paramLabel = "<cycle.yaml>")
		List<String> files;

	}

	@Command(name = "template", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = { "Write the workbook (.xlsx) agencies fill in, generated from a pack's framework: a front sheet, a sheet per standard"
					+ " with a rating drop-down per item, the action plan, outstanding practice and guidance. For an agency in a cycle that"
					+ " follows an earlier one, pre-filled with its last answers and open actions, marked as carried forward."
					+ " The filled-in workbook is a return for 'import'." })
	static final class Template extends Base {

		@Option(names = "--pack", paramLabel = "ID", converter = Values.Text.class, description = "the rule pack (default: the cycle's)")
		String pack;

		@Option(names = "--cycle", paramLabel = "ID", converter = Values.Text.class, description = "the cycle the returns are for")
		String cycle;

		@Option(names = "--agency", paramLabel = "ID", converter = Values.Text.class,
				description = "one agency of the cycle (its id pre-filled; with its last cycle's answers when it has them)")
		String agency;

		@Option(names = "--out", paramLabel = "FILE", converter = Values.Text.class,
				description = "the workbook to write (*.xlsx), or a folder for it (default: output/templates/)")
		String out;

	}

	@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Import returns from JSON files and workbooks (.xlsx made by 'template'), or folders of them. A bad file is rejected with every reason and the others still import.")
	static final class Import extends Base {

		@Option(names = "--cycle", paramLabel = "ID", converter = Values.Text.class, description = "the cycle every return must belong to")
		String cycle;

		@Parameters(arity = "1..*", paramLabel = "<path>", converter = Values.ExistingPath.class,
				description = "JSON returns and workbooks, or folders of them")
		List<String> paths;

	}

	@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Run the evaluation job for one cycle, or the open cycles of some partnerships (default: every open cycle): the returns that are new or changed, or whose rule pack changed.")
	static final class Evaluate extends Base {

		@Option(names = "--cycle", paramLabel = "ID", converter = Values.Text.class, description = "one cycle")
		String cycle;

		@Option(names = "--partnerships", paramLabel = "ID,ID", converter = Values.Text.class,
				description = "the open cycles of these partnerships")
		String partnerships;

		@Option(names = "--all", arity = "0", description = "every return in scope, not only the new and changed ones")
		boolean all;

	}

	@Command(name = "results", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Print a cycle's results and write them, with every explanation, as JSON.")
	static final class Results extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

	}

	@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, synopsisSubcommandLabel = "<check|test|explain|simulate>",
			description = "Check, test and explain rule packs (no database needed), or simulate a draft pack on a cycle.",
			subcommands = { RulesCheck.class, RulesTest.class, RulesExplain.class, RulesSimulate.class })
	static final class Rules extends Base {

	}

	/** What the rules commands that need no database share. */
	abstract static class RulesFolder extends Base {

		@Option(names = "--rules", paramLabel = "DIR", converter = Values.Text.class,
				description = "the rules folder (default: s11.rules.directory of batch-config/rules.yml, else rules)")
		String rules;

	}

	@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Compile every pack (or one) and check its framework, ids and case files; prints each problem as file:line:column: message.")
	static final class RulesCheck extends RulesFolder {

		@Parameters(arity = "0..1", paramLabel = "pack")
		String pack;

	}

	@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Run the cases beside the rules; shows expected against actual for each failing case and the rules no case fires.")
	static final class RulesTest extends RulesFolder {

		@Parameters(arity = "0..1", paramLabel = "pack")
		String pack;

		@Option(names = "--junit-xml", paramLabel = "DIR", converter = Values.Text.class, description = "also write JUnit XML reports here")
		String junitXml;

	}

	@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "The pack's effective policy: the rules in force and where each comes from (the pack or the baseline in common/), baseline rules switched off or replaced, values.")
	static final class RulesExplain extends RulesFolder {

		@Parameters(arity = "1", paramLabel = "pack")
		String pack;

	}

	@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "(needs the database) What a draft pack would change in a cycle's results; writes nothing.")
	static final class RulesSimulate extends Base {

		@Option(names = "--pack", paramLabel = "ID", required = true, converter = Values.Text.class)
		String pack;

		@Option(names = "--draft", paramLabel = "DIR", required = true, converter = Values.Text.class)
		String draft;

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

	}

	@Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Rate the cycle for the partnership and write its board summary now (HTML, PDF, CSV, JSON).")
	static final class Summary extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

		@Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Values.Date.class,
				description = "action status as of this date (default: today)")
		LocalDate asOf;

	}

	@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Run as a service: the nightly evaluation on the cron in batch-config/schedule.yml, with health and metrics over HTTP.")
	static final class Serve extends Base {

	}

	@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Evaluate the partnerships that runs on other machines send through the message broker (remote partitioning, batch-config/evaluation.yml); stays up until stopped.")
	static final class Worker extends Base {

	}

	@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "The recent evaluation runs and what each did.")
	static final class Runs extends Base {

		@Option(names = "--last", paramLabel = "N", defaultValue = "10", converter = Values.Count.class,
				description = "how many (default: 10)")
		int last;

	}

	@Command(name = "close-cycle", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = { "Close a cycle: a final evaluation and rating with the rule-pack version in force, then its summary published "
					+ "as the next edition (output/<cycle>/editions/<n>/). Refused, saying why, while any return is not evaluated by that version." })
	static final class CloseCycle extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

	}

	@Command(name = "reopen-cycle", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Open a closed cycle again (the reason goes on the audit trail); closing it again publishes a new edition beside the earlier ones.")
	static final class ReopenCycle extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

		@Option(names = "--reason", paramLabel = "TEXT", required = true, converter = Values.Text.class,
				description = "why it is reopened (recorded on the audit trail)")
		String reason;

	}

	@Command(name = "verify-edition", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Check a published edition of a cycle's summary (default: the latest) against its manifest.")
	static final class VerifyEdition extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

		@Option(names = "--edition", paramLabel = "N", converter = Values.Count.class, description = "default: the latest")
		Integer edition;

	}

	@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Everything that happened to a cycle: imports, runs, closing, reopening, retention.")
	static final class History extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

	}

	@Command(name = "import-survey", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = { "Import a cycle's staff survey from a survey tool's CSV export (one row per respondent, or counts per agency, question and answer). "
					+ "Only counts per agency and question are kept; columns that are not a survey question (free text, times, ids) are left out unread. "
					+ "A bad file is refused with every problem by line and column, and nothing is imported. The pack's challenge rules then run." })
	static final class ImportSurvey extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

		@Parameters(arity = "1", paramLabel = "<file.csv>", converter = Values.ExistingPath.class)
		String file;

	}

	@Command(name = "challenge-day", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Write the cycle's challenge-day pack (HTML, PDF, CSV): the self-ratings the staff survey contradicts, agency by agency, "
					+ "the agencies' ratings beside their staff's answers per question, and the moderated ratings beside the agencies' own.")
	static final class ChallengeDay extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

	}

	@Command(name = "moderate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			description = "Record the rating of an item a challenge day, moderation panel or peer review agreed for an agency, with who agreed it, "
					+ "when and why (on the cycle's audit trail). The partnership-wide rating counts it as the pack's policy says.")
	static final class Moderate extends Base {

		@Option(names = "--cycle", paramLabel = "ID", required = true, converter = Values.Text.class)
		String cycle;

		@Option(names = "--agency", paramLabel = "ID", required = true, converter = Values.Text.class)
		String agency;

		@Option(names = "--item", paramLabel = "ID", required = true, converter = Values.Text.class)
		String item;

		@Option(names = "--rating", paramLabel = "R", required = true, converter = Values.Text.class, description = "a rating of the pack's scale")
		String rating;

		@Option(names = "--agreed-by", paramLabel = "TEXT", required = true, converter = Values.Text.class, description = "the panel or people who agreed it")
		String agreedBy;

		@Option(names = "--reason", paramLabel = "TEXT", required = true, converter = Values.Text.class, description = "why the rating was moderated")
		String reason;

		@Option(names = "--on", paramLabel = "YYYY-MM-DD", converter = Values.Date.class, description = "the day it was agreed (default: today)")
		LocalDate on;

	}

}

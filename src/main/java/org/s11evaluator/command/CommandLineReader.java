package org.s11evaluator.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one reading of a command line (picocli, on {@link CommandOptions}), used before anything starts: an unknown
 * option, a stray word, a value of the wrong form or a missing required option is refused (exit
 * {@value #USAGE_ERROR}) with what was not understood, the closest option ("Did you mean --cycle?") and the usage
 * of the command; {@code --help} / {@code -h} prints the usage and {@code --version} / {@code -V} the version of
 * the build, and nothing else happens (exit 0).
 * <p>
 * Options with a dot in their name ({@code --spring.datasource.url=...}, {@code --s11.schedule.cron=...}) are
 * Spring properties, not options of a command, and are left to Spring.
 */
public final class CommandLineReader {

	/** The exit code of a command line that was not understood. */
	public static final int USAGE_ERROR = 2;

	/** What {@code benchmark} says: it is not a command of the production application (it runs from the sources). */
	static final String NO_BENCHMARK = """
			benchmark is not a command of this application: the national-scale benchmark generates synthetic data in a \
			database, so it is not shipped in the jar. Run it from the source tree on a database of its own:
			  ./mvnw -Pbenchmark test-compile exec:exec -Dbenchmark.args="--partnerships=150 --agencies=150"
			(see README, Benchmark). Nothing was run.""";

	private CommandLineReader() {
	}

	/** Reads the application's command line (the arguments as given, Spring properties included). */
	public static Reading read(String... args) {
		List<String> own = withoutSpringProperties(args);
		if (!own.isEmpty() && own.stream().filter((arg) -> !arg.startsWith("-")).findFirst().filter("benchmark"::equals).isPresent()) {
			return new Reading.Answer(USAGE_ERROR, NO_BENCHMARK);
		}
		return read(new CommandOptions.Application(), CommandLineReader::check, args);
	}

	/**
	 * Reads a command line into {@code command} (a picocli {@code @Command}), then checks what picocli cannot
	 * declare with {@code check} (which throws a {@link ParameterException} to refuse the line).
	 */
	public static Reading read(Object command, Consumer<ParseResult> check, String... args) {
		List<String> own = withoutSpringProperties(args);
		CommandLine line = new CommandLine(command);
		line.setExpandAtFiles(false); // "@file" is a word like any other, not a file of arguments
		StringWriter printed = new StringWriter();
		line.setOut(new PrintWriter(printed, true));
		if (own.isEmpty()) {
			return new Reading.Answer(USAGE_ERROR, "No command given.\n" + line.getUsageMessage());
		}
		try {
			ParseResult result = line.parseArgs(own.toArray(String[]::new));
			if (CommandLine.printHelpIfRequested(result)) {
				return new Reading.Answer(0, printed.toString());
			}
			List<String> names = new ArrayList<>();
			String home = null;
			ParseResult leaf = result;
			while (true) {
				CommandLine.Model.CommandSpec mixin = leaf.commandSpec().mixins().get("home");
				if (mixin != null && mixin.userObject() instanceof HomeOption option && option.home() != null) {
					home = option.home();
				}
				if (leaf != result) {
					names.add(leaf.commandSpec().name());
				}
				if (!leaf.hasSubcommand()) {
					break;
				}
				leaf = leaf.subcommand();
			}
			CommandLine chosen = leaf.commandSpec().commandLine();
			if (leaf.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
				// "help" or "help <command>": the usage of the application or of that command
				CommandLine about = chosen.getParent();
				for (String name : leaf.matchedPositionals().stream().flatMap((p) -> p.stringValues().stream()).toList()) {
					about = about.getSubcommands().get(name);
					if (about == null) {
						return new Reading.Answer(USAGE_ERROR, "help: unknown command '" + name + "'.\n" + chosen.getParent().getUsageMessage());
					}
				}
				return new Reading.Answer(0, about.getUsageMessage());
			}
			if (!chosen.getSubcommands().isEmpty()) {
				String which = String.join(", ", chosen.getSubcommands().keySet());
				return new Reading.Answer(USAGE_ERROR, ((leaf == result) ? "No command given." : prefix(chosen) + "which one? " + which + ".")
						+ "\n" + chosen.getUsageMessage());
			}
			check.accept(leaf);
			if (names.isEmpty()) {
				names.add(leaf.commandSpec().name()); // a reader of one command, without subcommands
			}
			return new Reading.Run(new Invocation(names, home, leaf.commandSpec().userObject()));
		}
		catch (ParameterException ex) {
			return new Reading.Answer(USAGE_ERROR, refusal(ex) + "\n" + ex.getCommandLine().getUsageMessage());
		}
	}

	/** What the options cannot declare: {@code evaluate} takes one scope. */
	private static void check(ParseResult command) {
		if (command.commandSpec().userObject() instanceof CommandOptions.Evaluate evaluate && evaluate.cycle != null
				&& evaluate.partnerships != null) {
			throw new ParameterException(command.commandSpec().commandLine(), "give --cycle or --partnerships, not both.");
		}
	}

	/** What was not understood, in plain words, with the closest option or command when there is one. */
	private static String refusal(ParameterException ex) {
		CommandLine command = ex.getCommandLine();
		String prefix = prefix(command);
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String arg = unmatched.getUnmatched().get(0);
			List<String> suggestions = unmatched.getSuggestions();
			String closest = suggestions.isEmpty() ? "" : " Did you mean " + suggestions.get(0) + "?";
			if (arg.startsWith("-")) {
				return prefix + (prefix.isEmpty() ? "Unknown" : "unknown") + " option " + arg + "." + closest;
			}
			if (!command.getSubcommands().isEmpty()) {
				return prefix + (prefix.isEmpty() ? "Unknown" : "unknown") + " command '" + arg + "'." + closest;
			}
			String hint = (command.getCommandSpec().findOption("--cycle") != null)
					? " Options are written --name=value: did you mean --cycle=" + arg + "?" : "";
			return prefix + "unexpected word '" + arg + "'." + hint;
		}
		ArgSpec spec = ex.getArgSpec();
		if (ex.getCause() instanceof Values.Expected expected && spec instanceof OptionSpec option) {
			return prefix + option.longestName() + ": expected " + expected.getMessage() + ", got '" + ex.getValue() + "'";
		}
		if (ex.getCause() instanceof Values.Expected expected && spec != null) {
			return prefix + spec.paramLabel() + ": expected " + expected.getMessage() + ", got '" + ex.getValue() + "'";
		}
		return prefix + ex.getMessage();
	}

	/** "evaluate: ", "rules check: ", or nothing for the application itself ("benchmark: " for a command read alone). */
	private static String prefix(CommandLine command) {
		List<String> names = new ArrayList<>();
		for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
			names.add(0, c.getCommandName());
		}
		if (command.getParent() == null && command.getSubcommands().isEmpty()) {
			names.add(command.getCommandName()); // a command read on its own, as the benchmark's
		}
		return names.isEmpty() ? "" : String.join(" ", names) + ": ";
	}

	/** The arguments that are not Spring properties ({@code --name.with.dot=value}). */
	public static List<String> withoutSpringProperties(String... args) {
		List<String> own = new ArrayList<>();
		for (String arg : args) {
			if (!springProperty(arg)) {
				own.add(arg);
			}
		}
		return own;
	}

	public static boolean springProperty(String arg) {
		if (!arg.startsWith("--")) {
			return false;
		}
		int equals = arg.indexOf('=');
		String name = (equals < 0) ? arg.substring(2) : arg.substring(2, equals);
		return name.contains(".");
	}

}

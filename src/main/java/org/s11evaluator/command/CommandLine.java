package org.s11evaluator.command;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one strict reading of a command line, used by every command before it does anything: an unknown
 * option, a stray word, a value of the wrong form or a missing required option is refused (exit
 * {@value #USAGE_ERROR}) with what was not understood, what the command accepts and the closest option
 * ("did you mean --cycle?"); {@code --help} or {@code -h} prints the usage of the command (or of all
 * commands) and does nothing else (exit 0).
 * <p>
 * Options with a dot in their name ({@code --spring.datasource.url=...}, {@code --s11.schedule.cron=...})
 * are Spring properties, not options of a command, and are left to Spring.
 */
public final class CommandLine {

	/** The exit code of a command line that was not understood. */
	public static final int USAGE_ERROR = 2;

	/** The form of an option's value. */
	enum Value {

		/** No value: {@code --all}. */
		FLAG(null),
		/** Any text (ids are checked by the command). */
		TEXT("a value"),
		/** A whole number, 1 or more. */
		COUNT("a whole number of 1 or more, for example 10"),
		/** A whole number. */
		NUMBER("a whole number, for example 2026"),
		/** A date on the calendar. */
		DATE("a date as YYYY-MM-DD, for example 2025-06-30");

		final String expected;

		Value(String expected) {
			this.expected = expected;
		}

		String problem(String value) {
			try {
				switch (this) {
					case COUNT -> {
						if (Long.parseLong(value) < 1 || Long.parseLong(value) > Integer.MAX_VALUE) {
							return this.expected;
						}
					}
					case NUMBER -> Long.parseLong(value);
					case DATE -> LocalDate.parse(value);
					case TEXT -> {
						if (value.isBlank()) {
							return this.expected;
						}
					}
					default -> {
					}
				}
				return null;
			}
			catch (NumberFormatException | DateTimeParseException ex) {
				return this.expected;
			}
		}

	}

	/** One command: its words (as {@code rules simulate}), options, how many other words it takes, and its usage. */
	record Spec(String name, Map<String, Value> options, Set<String> required, int minWords, int maxWords, String usage) {

		static Spec of(String name, int minWords, int maxWords, String usage, Object... optionsAndValues) {
			Map<String, Value> options = new LinkedHashMap<>();
			for (int i = 0; i < optionsAndValues.length; i += 2) {
				options.put((String) optionsAndValues[i], (Value) optionsAndValues[i + 1]);
			}
			return new Spec(name, options, Set.of(), minWords, maxWords, usage);
		}

		Spec requiring(String... names) {
			return new Spec(this.name, this.options, Set.of(names), this.minWords, this.maxWords, this.usage);
		}

		String accepted() {
			List<String> accepted = new ArrayList<>();
			this.options.forEach((option, value) -> accepted.add("--" + option + ((value == Value.FLAG) ? "" : "=" + placeholder(value))));
			accepted.add("--help");
			return String.join(", ", accepted);
		}

		private static String placeholder(Value value) {
			return switch (value) {
				case COUNT, NUMBER -> "N";
				case DATE -> "YYYY-MM-DD";
				default -> "...";
			};
		}

	}

	private static final int MANY = Integer.MAX_VALUE;

	/** Every command, in the order of {@link Commands#USAGE}. */
	static final List<Spec> COMMANDS = java.util.stream.Stream.concat(java.util.stream.Stream.of(
			Spec.of("demo", 0, 1, "demo [folder]"),
			Spec.of("open-cycle", 1, MANY, "open-cycle <cycle.yaml>..."),
			Spec.of("import", 1, MANY, "import [--cycle=ID] <path>...", "cycle", Value.TEXT),
			Spec.of("evaluate", 0, 0, "evaluate [--cycle=ID | --partnerships=ID,ID] [--all]", "cycle", Value.TEXT,
					"partnerships", Value.TEXT, "all", Value.FLAG),
			Spec.of("results", 0, 0, "results --cycle=ID", "cycle", Value.TEXT).requiring("cycle"),
			Spec.of("rules check", 0, 1, "rules check [pack] [--rules=DIR]", "rules", Value.TEXT),
			Spec.of("rules test", 0, 1, "rules test [pack] [--rules=DIR] [--junit-xml=DIR]", "rules", Value.TEXT,
					"junit-xml", Value.TEXT),
			Spec.of("rules explain", 1, 1, "rules explain <pack> [--rules=DIR]", "rules", Value.TEXT),
			Spec.of("rules simulate", 0, 0, "rules simulate --pack=ID --draft=DIR --cycle=ID", "pack", Value.TEXT,
					"draft", Value.TEXT, "cycle", Value.TEXT).requiring("pack", "draft", "cycle"),
			Spec.of("serve", 0, 0, "serve"),
			Spec.of("worker", 0, 0, "worker"),
			Spec.of("runs", 0, 0, "runs [--last=N]", "last", Value.COUNT),
			Spec.of("summary", 0, 0, "summary --cycle=ID [--as-of=YYYY-MM-DD]", "cycle", Value.TEXT, "as-of", Value.DATE)
				.requiring("cycle"),
			Spec.of("benchmark", 0, 0, "benchmark [--partnerships=150] [--agencies=150] [--seed=2026] [--reset]",
					"partnerships", Value.COUNT, "agencies", Value.COUNT, "seed", Value.NUMBER, "reset", Value.FLAG),
			Spec.of("help", 0, 0, "help")), CycleRecordCommands.SPECS.stream()).toList();

	/** What a command line asks for. */
	public sealed interface Reading {

		/** The command line names a command and nothing it does not accept: run it. */
		record Run(String command, List<String> words, Map<String, String> options) implements Reading {
		}

		/** Print this (the usage asked for with {@code --help}) and exit 0, doing nothing. */
		record Help(String text) implements Reading {
		}

		/** Print this and exit {@value CommandLine#USAGE_ERROR}, doing nothing. */
		record Refused(String message) implements Reading {
		}

	}

	private CommandLine() {
	}

	/**
	 * Reads a command line before anything starts. Returns the exit code when the line is answered without
	 * running a command (help, or refused, both printed to {@code out}); empty when the command is to run.
	 */
	public static Optional<Integer> answer(String[] args, PrintStream out) {
		Reading reading = read(args);
		if (reading instanceof Reading.Help help) {
			out.print(help.text());
			return Optional.of(0);
		}
		if (reading instanceof Reading.Refused refused) {
			out.println(refused.message());
			return Optional.of(USAGE_ERROR);
		}
		return Optional.empty();
	}

	/** Reads a command line (the arguments as given, Spring properties included). */
	public static Reading read(String... args) {
		List<String> words = new ArrayList<>();
		List<String> options = new ArrayList<>();
		boolean help = false;
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
			}
			else if (arg.startsWith("--") && optionName(arg).contains(".")) {
				continue; // a Spring property
			}
			else if (arg.startsWith("-") && arg.length() > 1) {
				options.add(arg);
			}
			else {
				words.add(arg);
			}
		}
		if (words.isEmpty()) {
			if (help) {
				return new Reading.Help(Commands.USAGE);
			}
			return new Reading.Refused(options.isEmpty() ? "No command given.\n" + Commands.USAGE.stripTrailing()
					: "No command given before " + options.get(0) + ".\n" + Commands.USAGE.stripTrailing());
		}
		Optional<Spec> found = spec(words);
		if (found.isEmpty()) {
			return unknown(words, help);
		}
		Spec spec = found.get();
		String usage = "Usage: s11-evaluator " + spec.usage() + "\n" + details(spec);
		if (help) {
			return new Reading.Help(usage);
		}
		String hint = "\n" + usage.stripTrailing() + "\n(s11-evaluator " + spec.name() + " --help for this, s11-evaluator --help for every command)";
		Map<String, String> values = new LinkedHashMap<>();
		for (String option : options) {
			String name = optionName(option);
			Value value = option.startsWith("--") ? spec.options().get(name) : null;
			if (value == null) {
				return new Reading.Refused(spec.name() + ": unknown option " + option + "." + closest(option, spec)
						+ " It accepts: " + spec.accepted() + "." + hint);
			}
			if (values.containsKey(name)) {
				return new Reading.Refused(spec.name() + ": --" + name + " is given twice; give it once." + hint);
			}
			boolean hasValue = option.contains("=");
			if (value == Value.FLAG && hasValue) {
				return new Reading.Refused(spec.name() + ": " + option + ": --" + name + " takes no value; write --" + name + "." + hint);
			}
			if (value != Value.FLAG) {
				String given = hasValue ? option.substring(option.indexOf('=') + 1) : "";
				if (!hasValue) {
					return new Reading.Refused(spec.name() + ": --" + name + " needs a value: --" + name + "=" + value.expected + "." + hint);
				}
				String problem = value.problem(given);
				if (problem != null) {
					return new Reading.Refused(spec.name() + ": " + option + ": expected " + problem + "." + hint);
				}
				values.put(name, given);
			}
			else {
				values.put(name, "");
			}
		}
		List<String> rest = words.subList(spec.name().split(" ").length, words.size());
		if (rest.size() > spec.maxWords()) {
			List<String> stray = rest.subList(spec.maxWords(), rest.size());
			return new Reading.Refused(spec.name() + ": unexpected " + ((stray.size() == 1) ? "word" : "words") + " "
					+ stray.stream().map((w) -> "'" + w + "'").collect(Collectors.joining(" ")) + "."
					+ strayHint(stray.get(0), spec) + hint);
		}
		if (rest.size() < spec.minWords()) {
			return new Reading.Refused(spec.name() + ": missing " + spec.usage().replaceAll(".*?(<[^>]+>(\\.\\.\\.)?).*", "$1") + "." + hint);
		}
		for (String required : spec.required()) {
			if (!values.containsKey(required)) {
				return new Reading.Refused(spec.name() + " needs --" + required + "=" + spec.options().get(required).expected
						.replace("a value", required.equals("cycle") || required.equals("pack") ? "ID" : "DIR") + "." + hint);
			}
		}
		if (values.containsKey("cycle") && values.containsKey("partnerships") && spec.name().equals("evaluate")) {
			return new Reading.Refused("evaluate: give --cycle or --partnerships, not both." + hint);
		}
		return new Reading.Run(spec.name(), List.copyOf(rest), Map.copyOf(values));
	}

	private static Optional<Spec> spec(List<String> words) {
		String first = words.get(0);
		if (first.equals("rules")) {
			String two = (words.size() > 1) ? "rules " + words.get(1) : null;
			return COMMANDS.stream().filter((s) -> s.name().equals(two)).findFirst();
		}
		return COMMANDS.stream().filter((s) -> s.name().equals(first)).findFirst();
	}

	private static Reading unknown(List<String> words, boolean help) {
		if (words.get(0).equals("rules")) {
			String rulesUsage = org.s11evaluator.rules.RulesCommand.USAGE;
			if (help && words.size() == 1) {
				return new Reading.Help(rulesUsage);
			}
			if (words.size() == 1) {
				return new Reading.Refused("rules: which one? check, test, explain or simulate.\n" + rulesUsage.stripTrailing());
			}
			return new Reading.Refused("rules: unknown command '" + words.get(1) + "'."
					+ suggestion(words.get(1), List.of("check", "test", "explain", "simulate"), "")
					+ "\n" + rulesUsage.stripTrailing());
		}
		List<String> names = COMMANDS.stream().map((s) -> s.name().split(" ")[0]).distinct().toList();
		return new Reading.Refused("Unknown command '" + words.get(0) + "'." + suggestion(words.get(0), names, "") + "\n"
				+ Commands.USAGE.stripTrailing());
	}

	/** The lines of {@link Commands#USAGE} (or of the rules usage) that describe this command, after its first. */
	private static String details(Spec spec) {
		String source = spec.name().startsWith("rules ") ? org.s11evaluator.rules.RulesCommand.USAGE : Commands.USAGE;
		String first = "  " + spec.name();
		StringBuilder details = new StringBuilder();
		boolean in = false;
		for (String line : source.split("\n")) {
			if (line.startsWith(first + " ") || line.equals(first)) {
				in = true;
				if (!line.strip().equals(spec.usage().replace(" [--rules=DIR]", "").replace(" [--junit-xml=DIR]", ""))) {
					details.append(line).append('\n'); // not when it only repeats the "Usage:" line
				}
			}
			else if (in && line.startsWith("    ")) {
				details.append(line).append('\n');
			}
			else {
				in = false;
			}
		}
		return details.toString();
	}

	private static String optionName(String option) {
		String bare = option.replaceFirst("^-+", "");
		int equals = bare.indexOf('=');
		return (equals < 0) ? bare : bare.substring(0, equals);
	}

	private static String closest(String option, Spec spec) {
		return suggestion(optionName(option), List.copyOf(spec.options().keySet()), "--");
	}

	private static String strayHint(String word, Spec spec) {
		if (spec.options().containsKey("cycle") && !word.startsWith("-")) {
			return " Options are written --name=value: did you mean --cycle=" + word + "?";
		}
		return "";
	}

	private static String suggestion(String given, List<String> candidates, String prefix) {
		String closest = closestName(given, candidates);
		return (closest == null) ? "" : " Did you mean " + prefix + closest + "?";
	}

	private static String closestName(String given, List<String> candidates) {
		String lower = given.toLowerCase(java.util.Locale.ROOT);
		return candidates.stream()
			.filter((c) -> distance(lower, c) <= Math.max(2, c.length() / 3) || c.startsWith(lower) || lower.startsWith(c))
			.min(Comparator.comparingInt((String c) -> distance(lower, c)))
			.orElse(null);
	}

	/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}

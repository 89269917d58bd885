package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words, at the line where the officer made it, a mistake that stops Drools' parser and that its own
 * message (at the line where it noticed, often the end of the file) would not name: a rule without {@code end} or
 * without {@code then}, and curly quotes (“ ” ‘ ’) where a rule needs straight ones. Consulted only for a file the
 * parser has refused; it decides nothing about what a rule may do.
 */
final class DrlMistakes {

	private static final Pattern CURLY = Pattern.compile("[“”‘’„‟]");

	private static final Pattern KEYWORD = Pattern.compile("(?<![\\w$.-])(rule|when|then|end)(?![\\w$-])");

	private static final Pattern RULE_NAME = Pattern.compile("\\G\\s*\"([^\"\\n]*)\"");

	private DrlMistakes() {
	}

	/** The recognised mistakes of a file Drools could not parse, or none (then Drools' own messages stand). */
	static List<RuleProblem> of(String fileName, String content) {
		String code = DrlText.blankStringsAndComments(content);
		List<RuleProblem> problems = new ArrayList<>();
		Matcher curly = CURLY.matcher(code);
		int lastLine = 0;
		while (curly.find()) {
			int line = lineOf(content, curly.start());
			if (line != lastLine) {
				problems.add(new RuleProblem(fileName, line, columnOf(content, curly.start()), "curly quotes (“ ” or ‘ ’) are used here, "
						+ "but a rule needs straight quotes (\"): word processors and e-mail change them; retype them in a plain-text editor"));
				lastLine = line;
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		Matcher keyword = KEYWORD.matcher(code);
		OpenRule open = null;
		while (keyword.find()) {
			switch (keyword.group(1)) {
				case "rule" -> {
					if (open != null) {
						problems.add(open.missingEnd(fileName, content, code, keyword.start()));
					}
					Matcher name = RULE_NAME.matcher(content);
					open = new OpenRule(keyword.start(), name.find(keyword.end()) ? name.group(1) : "");
				}
				case "when" -> {
					if (open != null) {
						open.when = keyword.end();
					}
				}
				case "then" -> {
					if (open != null) {
						open.then = true;
						RuleProblem bracket = (open.when >= 0) ? unclosedBracket(fileName, content, code, open.when, keyword.start()) : null;
						if (bracket != null) {
							problems.add(bracket);
						}
					}
				}
				case "end" -> {
					if (open != null && !open.then) {
						problems.add(new RuleProblem(fileName, lineOf(content, open.start), columnOf(content, open.start), "the rule" + open.named()
								+ " has no 'then': write then on a line of its own between its conditions and what it concludes (before its end at line "
								+ lineOf(content, keyword.start()) + ")"));
					}
					open = null;
				}
				default -> {
				}
			}
		}
		if (open != null) {
			problems.add(open.missingEnd(fileName, content, code, content.length()));
		}
		return problems;
	}

	private static final Pattern MISMATCHED = Pattern.compile("^mismatched input '([^']+)'");

	/**
	 * Drools' message for a line, in plain words where the token it stopped at shows a common slip inside a fact's
	 * brackets: a single {@code =} for a comparison, {@code and}/{@code or} between conditions, a missing comma;
	 * otherwise Drools' own words, at the same file and line.
	 */
	static RuleProblem rephrased(String fileName, String content, int line, String message) {
		Matcher mismatched = MISMATCHED.matcher(message);
		String code = DrlText.blankStringsAndComments(content);
		List<String> lines = code.lines().toList();
		String text = (line >= 1 && line <= lines.size()) ? lines.get(line - 1) : "";
		int bracket = text.indexOf('(');
		if (mismatched.find() && bracket >= 0) {
			String token = mismatched.group(1);
			if (token.equals("=")) {
				Matcher single = Pattern.compile("(?<![=!<>])=(?!=)").matcher(text);
				if (single.find(bracket)) {
					return new RuleProblem(fileName, line, single.start() + 1, "to compare, write == (two equals signs): a single = is not a "
							+ "comparison" + suffix(message));
				}
			}
			Matcher word = Pattern.compile("(?<![\\w$.])" + Pattern.quote(token) + "(?![\\w$])").matcher(text);
			if (token.matches("and|or") && word.find(bracket)) {
				return new RuleProblem(fileName, line, word.start() + 1, "inside a fact's brackets, join conditions with a comma or && (both "
						+ "must hold) or || (either may), not '" + token + "'" + suffix(message));
			}
			if (token.matches("[A-Za-z_$][\\w$]*") && word.find(bracket)) {
				String before = text.substring(0, word.start()).stripTrailing();
				if (!before.isEmpty() && (before.endsWith("\"") || Character.isLetterOrDigit(before.charAt(before.length() - 1))
						|| before.endsWith(")"))) {
					return new RuleProblem(fileName, line, word.start() + 1, "a comma is missing before '" + token
							+ "': separate the conditions inside a fact's brackets with commas" + suffix(message));
				}
			}
		}
		return new RuleProblem(fileName, line, 1, message);
	}

	/** Drools' "in rule ..." is kept: it names the rule. */
	private static String suffix(String message) {
		int in = message.indexOf(" in rule \"");
		return (in >= 0) ? " (" + message.substring(in + 1) + ")" : "";
	}

	private static final class OpenRule {

		final int start;

		final String name;

		boolean then;

		int when = -1;

		OpenRule(int start, String name) {
			this.start = start;
			this.name = name;
		}

		String named() {
			return this.name.isEmpty() ? "" : " \"" + this.name + "\"";
		}

		RuleProblem missingEnd(String fileName, String content, String code, int next) {
			String before = code.substring(0, next).stripTrailing();
			return new RuleProblem(fileName, lineOf(content, this.start), columnOf(content, this.start), "the rule" + named()
					+ " has no 'end': write end on a line of its own after its last line (line " + lineOf(content, before.length()) + ")");
		}

	}

	/** A '(' in a rule's conditions that is never closed, or a ')' that closes nothing, or null. */
	private static RuleProblem unclosedBracket(String fileName, String content, String code, int from, int to) {
		java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
		for (int i = from; i < to; i++) {
			if (code.charAt(i) == '(') {
				open.push(i);
			}
			else if (code.charAt(i) == ')') {
				if (open.isEmpty()) {
					return new RuleProblem(fileName, lineOf(content, i), columnOf(content, i), "this ')' closes no '(' before it: remove it, "
							+ "or add the '(' it closes");
				}
				open.pop();
			}
		}
		if (open.isEmpty()) {
			return null;
		}
		int at = open.peek();
		return new RuleProblem(fileName, lineOf(content, at), columnOf(content, at),
				"the bracket '(' opened here is never closed: add the ')' at the end of the condition");
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < Math.min(offset, text.length()); i++) {
			line += (text.charAt(i) == '\n') ? 1 : 0;
		}
		return line;
	}

	private static int columnOf(String text, int offset) {
		return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
	}

}

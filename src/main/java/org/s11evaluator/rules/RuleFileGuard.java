package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule files that reach outside the published fact model. Rule files are written by policy officers
 * and must not be able to read files, start processes, open connections, use reflection or threads, or touch
 * the JVM. The check works by allow-list, before compilation, on the code outside strings and comments:
 * <ul>
 * <li>imports only from the fact model and a few value types, one plain import per line;</li>
 * <li>every type a rule names (a capitalised name not after a dot) must be on the allow-list, so
 * {@code Runtime}, {@code Thread} or {@code ProcessBuilder} cannot even be named;</li>
 * <li>no qualified names ({@code java.io...}, with or without spaces around the dots): facts are reached
 * through {@code $variables};</li>
 * <li>no unicode escapes, no {@code .class}, no reflective or process calls, no globals, functions, type
 * declarations or dialect changes, and no loops ({@code while}, {@code for}, {@code do}): with no functions
 * either, a rule cannot run for ever, and a rule that keeps re-triggering itself is stopped after
 * {@code s11.rules.max-rule-firings}.</li>
 * </ul>
 */
class RuleFileGuard {

	private static final String FACTS_PACKAGE = "org.s11evaluator.rules.facts";

	private static final Set<String> ALLOWED_IMPORTS = Set.of("java.time.LocalDate", "java.time.Period",
			"java.time.temporal.ChronoUnit", "java.util.List", "java.util.Set");

	/** Type names a rule may use: the fact model, and plain value types. */
	private static final Set<String> ALLOWED_TYPES = Set.of("Submission", "Standard", "Item", "ItemResponse", "AgencyAction",
			"ItemRating", "StandardRating", "Finding", "FollowUpAction", "PartnershipRating", "RatingTally", "PolicyValues", "Fraction",
			"Rag", "Fact", "Outcome", "LocalDate", "Period", "ChronoUnit", "List", "Set", "String", "Integer", "Long", "Number",
			"Boolean", "Math");

	private static final Pattern IMPORT_LINE = Pattern.compile("^[ \\t]*import\\b(.*)$", Pattern.MULTILINE);

	private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\.\\*)?)\\s*;\\s*$");

	private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w$.])\\s*([A-Z]\\w*)");

	private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])([a-z_]\\w*)\\s*\\.\\s*[\\w$]");

	private static final Pattern FORBIDDEN = Pattern.compile("\\.\\s*(class|getClass|getClassLoader|loadClass|forName|getDeclaringClass|"
			+ "getMethods?|getDeclaredMethods?|getFields?|getDeclaredFields?|getConstructors?|getDeclaredConstructors?|invoke|newInstance|"
			+ "setAccessible|getModule|getResource|getResourceAsStream|exec|exit|halt|loadLibrary|getRuntime|getenv|getProperty|"
			+ "setProperty|lookup|start|run|join|interrupt)\\b|(?<![\\w$.])(global|function|declare|dialect|kcontext|drools|while|for|do|synchronized|throw|try)\\b");

	List<RuleProblem> check(RulePack.RuleFile file) {
		List<RuleProblem> problems = new ArrayList<>();
		String text = file.content();
		int escape = text.indexOf("\\u");
		if (escape >= 0) {
			problems.add(problem(file, text, escape, "unicode escapes (\\u...) are not allowed in a rule file: write the character itself"));
			return problems;
		}
		String code = blankStringsAndComments(text);
		Matcher importLine = IMPORT_LINE.matcher(code);
		while (importLine.find()) {
			Matcher single = IMPORT.matcher(importLine.group());
			String imported = single.matches() ? single.group(1) : importLine.group(1).strip();
			boolean fromFacts = imported.equals(FACTS_PACKAGE + ".*") || (imported.startsWith(FACTS_PACKAGE + ".")
					&& imported.substring(FACTS_PACKAGE.length() + 1).matches("[A-Z]\\w*"));
			if (!single.matches() || !(fromFacts || ALLOWED_IMPORTS.contains(imported))) {
				problems.add(problem(file, code, importLine.start(1), "import of '" + imported + "' is not allowed: rule files may only import "
						+ "the fact model (" + FACTS_PACKAGE + ".*) and " + ALLOWED_IMPORTS.stream().sorted().toList() + ", one per line"));
			}
			code = code.substring(0, importLine.start()) + " ".repeat(importLine.end() - importLine.start()) + code.substring(importLine.end());
			importLine = IMPORT_LINE.matcher(code);
		}
		code = blankPackageLine(code);
		Matcher forbidden = FORBIDDEN.matcher(code);
		while (forbidden.find()) {
			String word = (forbidden.group(1) != null) ? forbidden.group(1) : forbidden.group(2);
			problems.add(problem(file, code, forbidden.start(), "'" + word + "' is not allowed in a rule file: rules may only read facts and insert outcomes"));
		}
		Matcher qualified = QUALIFIED.matcher(code);
		while (qualified.find()) {
			problems.add(problem(file, code, qualified.start(1), "'" + qualified.group(1) + ".' is not allowed: reach facts through a $variable "
					+ "(for example $r.lastReviewed()), and use only the fact model's types"));
		}
		Matcher type = TYPE_NAME.matcher(code);
		while (type.find()) {
			if (!ALLOWED_TYPES.contains(type.group(1))) {
				problems.add(problem(file, code, type.start(1), "'" + type.group(1) + "' is not allowed in a rule file: rules may only use the fact "
						+ "model and " + List.of("LocalDate", "Period", "ChronoUnit", "List", "Set", "String", "Integer", "Math")));
			}
		}
		problems.sort(java.util.Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
		return problems;
	}

	private static String blankPackageLine(String code) {
		Matcher pkg = Pattern.compile("^[ \\t]*package\\s+[\\w.]+\\s*;?", Pattern.MULTILINE).matcher(code);
		return pkg.find() ? code.substring(0, pkg.start()) + " ".repeat(pkg.end() - pkg.start()) + code.substring(pkg.end()) : code;
	}

	private static RuleProblem problem(RulePack.RuleFile file, String code, int offset, String message) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (code.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new RuleProblem(file.name(), line, offset - lineStart + 1, message);
	}

	/** Replaces string literals and comments by spaces, keeping offsets and line breaks where they were. */
	static String blankStringsAndComments(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'') {
				out.append(c);
				i++;
				while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
					if (text.charAt(i) == '\\' && i + 1 < text.length()) {
						out.append("  ");
						i += 2;
						continue;
					}
					out.append(' ');
					i++;
				}
				if (i < text.length()) {
					out.append(text.charAt(i));
					i++;
				}
			}
			else if (text.startsWith("//", i) || text.startsWith("#", i)) {
				while (i < text.length() && text.charAt(i) != '\n') {
					out.append(' ');
					i++;
				}
			}
			else if (text.startsWith("/*", i)) {
				int end = text.indexOf("*/", i + 2);
				end = (end < 0) ? text.length() : end + 2;
				for (; i < end; i++) {
					out.append(text.charAt(i) == '\n' ? '\n' : ' ');
				}
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

}

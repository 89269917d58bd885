package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule files that reach outside the published fact model. Rule files are written by policy officers
 * and must not be able to read files, start processes, open connections, use reflection or threads, or
 * touch the JVM. This is a static check before compilation: imports must come from an allow-list and the
 * code (outside strings and comments) must not name a forbidden type or call.
 */
class RuleFileGuard {

	private static final Set<String> ALLOWED_IMPORTS = Set.of("java.time.LocalDate", "java.time.Period",
			"java.time.temporal.ChronoUnit", "java.util.List", "java.util.Set");

	private static final String FACTS_PACKAGE = "org.s11evaluator.rules.facts";

	private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.*]+)\\s*;?", Pattern.MULTILINE);

	private static final Pattern FORBIDDEN = Pattern.compile("\\b(System|Runtime|ProcessBuilder|Process|Thread|"
			+ "ThreadGroup|Executors?|ForkJoinPool|Class|ClassLoader|getClass|forName|reflect|Method|Field|"
			+ "Constructor|invoke|newInstance|setAccessible|Unsafe|File|Files|Paths?|FileInputStream|"
			+ "FileOutputStream|RandomAccessFile|Socket|ServerSocket|URL|URI|HttpClient|InetAddress|exec|"
			+ "exit|halt|loadLibrary|load|getRuntime|MethodHandles?|ScriptEngine|ObjectInputStream|"
			+ "kcontext|getKieRuntime|getKnowledgeRuntime|getWorkingMemory|global)\\b"
			+ "|\\bjava\\.(io|nio|net|lang\\.reflect|lang\\.invoke)\\b|\\bjavax?\\.(script|management|naming)\\b"
			+ "|\\bsun\\.|\\bjdk\\.|\\borg\\.springframework\\b");

	List<RuleProblem> check(RulePack.RuleFile file) {
		List<RuleProblem> problems = new ArrayList<>();
		String code = blankStringsAndComments(file.content());
		Matcher imports = IMPORT.matcher(code);
		while (imports.find()) {
			String imported = imports.group(2);
			boolean fromFacts = imported.equals(FACTS_PACKAGE + ".*") || imported.startsWith(FACTS_PACKAGE + ".");
			if (imports.group(1) != null || (!fromFacts && !ALLOWED_IMPORTS.contains(imported))) {
				problems.add(problem(file, code, imports.start(2), "import of '" + imported
						+ "' is not allowed: rule files may only use the fact model (" + FACTS_PACKAGE
						+ ".*) and " + ALLOWED_IMPORTS.stream().sorted().toList()));
			}
		}
		Matcher forbidden = FORBIDDEN.matcher(code);
		while (forbidden.find()) {
			if (insideImport(code, forbidden.start())) {
				continue;
			}
			problems.add(problem(file, code, forbidden.start(), "'" + forbidden.group()
					+ "' is not allowed in a rule file: rules may only read facts and insert outcomes"));
		}
		return problems;
	}

	private static boolean insideImport(String code, int offset) {
		int lineStart = code.lastIndexOf('\n', offset) + 1;
		int lineEnd = code.indexOf('\n', offset);
		String line = code.substring(lineStart, (lineEnd < 0) ? code.length() : lineEnd);
		return line.stripLeading().startsWith("import ");
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

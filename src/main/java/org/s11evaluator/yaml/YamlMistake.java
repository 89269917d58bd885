package org.s11evaluator.yaml;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A mistake in a YAML file a person edits, said in plain words at the line where the person made it: the parser's
 * own message names a token ("mapping values are not allowed here") and often the line where it noticed, which for
 * a missing colon or an unclosed quote is a line later. SnakeYAML's marks are 0-based; these lines and columns are
 * 1-based, as an editor shows them (0 when unknown).
 */
public record YamlMistake(int line, int column, String message) {

	private static final String INDENTED = "this line is indented differently from the lines above it; keep the items of one list "
			+ "lined up (each '- ' under the one before) and the names of one group lined up under each other";

	/** What went wrong reading {@code text}, from the exception Jackson (or SnakeYAML) threw. */
	public static YamlMistake of(Throwable thrown, String text) {
		List<String> lines = (text != null) ? text.lines().toList() : List.of();
		MarkedYAMLException marked = marked(thrown);
		if (marked == null && text != null) {
			// Jackson reads as it goes: a value read wrongly (a date that runs on into the next line) can fail before the
			// parser reaches the syntax mistake that caused it, which is the one to report
			marked = syntaxMistake(text);
		}
		if (marked != null) {
			return ofSyntax(marked, lines);
		}
		JsonLocation location = (thrown instanceof JsonProcessingException json) ? json.getLocation() : null;
		int line = (location != null) ? Math.max(location.getLineNr(), 0) : 0;
		int column = (location != null) ? Math.max(location.getColumnNr(), 0) : 0;
		String original = (thrown instanceof JsonProcessingException json) ? json.getOriginalMessage() : String.valueOf(thrown.getMessage());
		if (original != null && original.startsWith("Duplicate field '")) {
			String key = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
			int first = earlierKeyLine(lines, key, line);
			return new YamlMistake(line, column, "'" + key + "' is given twice in the same group" + ((first > 0) ? " (first at line " + first + ")" : "")
					+ ": keep one of them");
		}
		if (thrown instanceof JsonMappingException mapping) {
			String kind = kindProblem(mapping);
			if (kind != null) {
				return new YamlMistake(line, column, kind);
			}
		}
		return new YamlMistake(line, column, (original != null) ? original : "the file is not valid YAML");
	}

	/** The 1-based line where {@code key:} is first written at or after {@code fromLine}, or 0: for errors that lost their line. */
	public static int lineOfKey(String text, String key, int fromLine) {
		java.util.regex.Pattern written = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key) + "\\s*:");
		List<String> lines = text.lines().toList();
		for (int i = Math.max(fromLine - 1, 0); i < lines.size(); i++) {
			if (written.matcher(lines.get(i)).find()) {
				return i + 1;
			}
		}
		return 0;
	}

	private static MarkedYAMLException syntaxMistake(String text) {
		try {
			for (org.yaml.snakeyaml.nodes.Node ignored : new org.yaml.snakeyaml.Yaml(LimitedYaml.loaderOptions()).composeAll(new java.io.StringReader(text))) {
				// composing each document is enough to find a syntax mistake
			}
			return null;
		}
		catch (MarkedYAMLException ex) {
			return ex.getClass().getSimpleName().contains("Duplicate") || String.valueOf(ex.getProblem()).contains("found duplicate key") ? null : ex;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static MarkedYAMLException marked(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof MarkedYAMLException marked) {
				return marked;
			}
		}
		return null;
	}

	private static YamlMistake ofSyntax(MarkedYAMLException ex, List<String> lines) {
		String problem = String.valueOf(ex.getProblem());
		String context = String.valueOf(ex.getContext());
		Mark at = ex.getProblemMark();
		Mark from = (ex.getContextMark() != null) ? ex.getContextMark() : at;
		if (problem.contains("(TAB)")) {
			return at(at, "this line has a tab; YAML files must be indented with spaces only (replace the tab with spaces)");
		}
		if (context.contains("quoted scalar")) {
			char quote = charAt(lines, from);
			return at(from, "the quote " + quote + " opened here is never closed: end the value with " + quote + " on the same line");
		}
		YamlMistake unclosed = unclosedQuote(lines, Math.min(from.getLine(), at.getLine()), at.getLine());
		if (unclosed != null) {
			return unclosed;
		}
		if (context.contains("simple key") && problem.contains("expected ':'")) {
			return at(from, missingColon(lineText(lines, from.getLine()).strip()));
		}
		if (problem.contains("mapping values are not allowed")) {
			return colonOutOfPlace(at, lines);
		}
		if (context.contains("flow sequence")) {
			return at(from, "the list opened with '[' here is not closed with ']' (or an entry lacks the comma before it)");
		}
		if (context.contains("flow mapping")) {
			return at(from, "the group opened with '{' here is not closed with '}' (or an entry lacks the comma before it)");
		}
		if (context.contains("block mapping") || context.contains("block collection") || problem.startsWith("expected <block end>")
				|| problem.startsWith("did not find expected")) {
			return at(at, INDENTED);
		}
		return at(at, "this is not valid YAML here (" + problem + ")");
	}

	/**
	 * "mapping values are not allowed here": a second {@code name:} on the line, or a line read as the end of the value
	 * above it, because that line lacks its colon or this one is indented under it.
	 */
	private static YamlMistake colonOutOfPlace(Mark at, List<String> lines) {
		String line = lineText(lines, at.getLine());
		int firstColon = line.indexOf(": ");
		if (firstColon >= 0 && firstColon < at.getColumn()) {
			return at(at, "the value holds ': ', which YAML reads as a second name: put the whole value in quotes (\"...\")");
		}
		for (int i = at.getLine() - 1; i >= 0; i--) {
			String above = lineText(lines, i);
			if (above.isBlank() || above.strip().startsWith("#")) {
				continue;
			}
			String written = above.strip();
			if (!written.contains(": ") && !written.endsWith(":") && !written.startsWith("- ")) {
				return new YamlMistake(i + 1, indent(above) + 1, missingColon(written));
			}
			if (indent(line) > indent(above)) {
				return at(at, "this line is indented more than the line above it: line it up with the names above");
			}
			break;
		}
		return at(at, INDENTED);
	}

	/** A value between the lines that opens a quote and does not close it, which YAML carries on to a later line. */
	private static YamlMistake unclosedQuote(List<String> lines, int first, int last) {
		for (int i = Math.max(first, 0); i <= last && i < lines.size(); i++) {
			String value = lines.get(i).replaceFirst("^\\s*(- )?([^\"':#]+:\\s+)?", "");
			if (value.length() > 0 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
				String rest = value.substring(1);
				if (rest.indexOf(value.charAt(0)) < 0) {
					return new YamlMistake(i + 1, lines.get(i).indexOf(value) + 1, "the quote " + value.charAt(0)
							+ " opened here is never closed: end the value with " + value.charAt(0) + " on the same line");
				}
			}
		}
		return null;
	}

	private static String missingColon(String written) {
		return written.matches("[^\\s:]+:\\S.*") ? "put a space after the colon ('" + written.replaceFirst(":", ": ") + "')"
				: "a colon is missing: write the name, a colon and a space, then the value (as in  name: value)";
	}

	private static String kindProblem(JsonMappingException ex) {
		List<JsonMappingException.Reference> path = ex.getPath();
		String field = path.stream().map(JsonMappingException.Reference::getFieldName).filter(java.util.Objects::nonNull)
			.reduce((a, b) -> b).orElse(null);
		String name = (field != null) ? "'" + field + "'" : "this value";
		if (ex instanceof InvalidFormatException invalid) {
			Class<?> type = invalid.getTargetType();
			String wrote = " (it is \"" + invalid.getValue() + "\")";
			if (type == java.time.LocalDate.class) {
				return name + " must be a date written year-month-day, such as 2025-03-14" + wrote;
			}
			if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
				return name + " must be a whole number, such as 3" + wrote;
			}
			if (type == boolean.class || type == Boolean.class) {
				return name + " must be true or false" + wrote;
			}
			return name + " has a value of the wrong form" + wrote;
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			Class<?> type = mismatched.getTargetType();
			if (Collection.class.isAssignableFrom(type)) {
				return name + " must be a list: one '- ' line per entry, or [a, b] on one line";
			}
			if (Map.class.isAssignableFrom(type) || type.isRecord()) {
				return name + " must be a group of  name: value  lines (indented under it), not a single value";
			}
			if (type == String.class) {
				return name + " must be a single value, not a list or a group";
			}
		}
		return null;
	}

	private static int earlierKeyLine(List<String> lines, String key, int line) {
		java.util.regex.Pattern written = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key) + "\\s*:");
		for (int i = Math.min(line, lines.size()) - 2; i >= 0; i--) {
			if (written.matcher(lines.get(i)).find()) {
				return i + 1;
			}
		}
		return 0;
	}

	private static YamlMistake at(Mark mark, String message) {
		return new YamlMistake(mark.getLine() + 1, mark.getColumn() + 1, message);
	}

	private static String lineText(List<String> lines, int index) {
		return (index >= 0 && index < lines.size()) ? lines.get(index) : "";
	}

	private static char charAt(List<String> lines, Mark mark) {
		String line = lineText(lines, mark.getLine());
		return (mark.getColumn() < line.length()) ? line.charAt(mark.getColumn()) : '"';
	}

	private static int indent(String line) {
		int i = 0;
		while (i < line.length() && line.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

}

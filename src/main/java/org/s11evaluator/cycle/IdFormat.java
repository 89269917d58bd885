package org.s11evaluator.cycle;

import java.util.regex.Pattern;

/**
 * What an id may look like where it enters the evaluator (a {@code cycle.yaml}, the command line, the schedule).
 * Ids name folders and files ({@code output/<cycle>/summary.html}), so an id is a plain name: never a path
 * ({@code ../../x}, {@code /etc}), never hidden ({@code .x}), never longer than its database column.
 */
public enum IdFormat {

	/** An audit cycle, such as {@code pan-sussex-2025}. */
	CYCLE("a cycle id", "[a-z0-9][a-z0-9._-]{0,99}", "lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, at most 100 characters"),

	/** A partnership, such as {@code pan-sussex}. */
	PARTNERSHIP("a partnership id", "[a-z0-9][a-z0-9._-]{0,63}", "lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters"),

	/** An agency, such as {@code sussex-police}: the format its returns use (docs/submission.schema.json). */
	AGENCY("an agency id", "[a-z0-9][a-z0-9-]{0,99}", "lower-case letters, digits and '-', starting with a letter or digit, at most 100 characters"),

	/** A rule pack: the name of its folder under {@code rules/}. */
	RULE_PACK("a rule pack id", "[a-z0-9][a-z0-9-]{0,63}", "lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters");

	private final String name;

	private final Pattern pattern;

	private final String expected;

	IdFormat(String name, String pattern, String expected) {
		this.name = name;
		this.pattern = Pattern.compile(pattern);
		this.expected = expected;
	}

	/** What is wrong with the id, or null when it is one. */
	public String problem(String id) {
		if (id != null && this.pattern.matcher(id).matches()) {
			return null;
		}
		return "\"" + id + "\" is not " + this.name + ": use " + this.expected;
	}

	/** The id, or {@link IllegalArgumentException} saying where it came from ({@code --cycle}) and what is wrong. */
	public String check(String id, String where) {
		String problem = problem(id);
		if (problem != null) {
			throw new IllegalArgumentException(where + ": " + problem);
		}
		return id;
	}

}

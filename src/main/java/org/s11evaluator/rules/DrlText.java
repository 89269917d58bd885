package org.s11evaluator.rules;

/**
 * Text helpers for finding what a rule file mentions (policy-value names, item ids) without counting its
 * comments. Not a security check: what a rule may do is decided by {@link RuleFileGuard} on the parsed form.
 */
final class DrlText {

	private DrlText() {
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

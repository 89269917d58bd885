package org.s11evaluator.logging;

/**
 * Values that come from returns or files (agency names, file names, ids, items, problems quoting them) made safe
 * for one log line: a line break or other control character in them would otherwise start a line of their own,
 * which a reader (or a log shipper) would take for one the evaluator wrote, such as a forged
 * {@code 2026-01-01 INFO all returns evaluated}. Each is written as a visible escape instead ({@code \n},
 * {@code \r}, {@code \t}, {@code \u001b}); everything else, accents and other scripts included, is kept.
 */
public final class LogValues {

	private LogValues() {
	}

	/** The value as text with its control characters and line separators escaped; {@code "null"} for null. */
	public static String escape(Object value) {
		String text = String.valueOf(value);
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = replacement(c);
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
			}
			if (escaped != null) {
				escaped.append((replacement != null) ? replacement : String.valueOf(c));
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

	private static String replacement(char c) {
		return switch (c) {
			case '\n' -> "\\n";
			case '\r' -> "\\r";
			case '\t' -> "\\t";
			// Unicode's own line and paragraph separators end a line in many viewers
			case '\u2028', '\u2029' -> String.format("\\u%04x", (int) c);
			default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
		};
	}

}

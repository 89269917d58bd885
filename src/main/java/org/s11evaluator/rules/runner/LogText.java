package org.s11evaluator.rules.runner;

/** Text from a rule runner made safe for one log line: control characters escaped, length bounded. */
final class LogText {

	static final int MAX = 2_000;

	private LogText() {
	}

	static String escape(String text) {
		StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX) + 16);
		for (int i = 0; i < text.length() && safe.length() < MAX; i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				safe.append("\\n");
			}
			else if (c == '\r') {
				safe.append("\\r");
			}
			else if (c == '\t') {
				safe.append("\\t");
			}
			else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				safe.append(String.format("\\u%04x", (int) c));
			}
			else {
				safe.append(c);
			}
		}
		if (text.length() > MAX) {
			safe.append("... (").append(text.length()).append(" characters)");
		}
		return safe.toString();
	}

}

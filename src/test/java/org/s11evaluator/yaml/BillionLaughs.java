package org.s11evaluator.yaml;

/**
 * "Billion laughs" YAML: a few hundred bytes whose aliases expand to {@code 9^10} values, as a test's content for
 * any file the evaluator reads.
 */
public final class BillionLaughs {

	private BillionLaughs() {
	}

	/** The document, its anchors under keys {@code a} to {@code j} of a mapping, after the given lines. */
	public static String after(String lines) {
		StringBuilder yaml = new StringBuilder(lines).append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char level = 'b'; level <= 'j'; level++) {
			String previous = "*" + (char) (level - 1);
			yaml.append(level).append(": &").append(level).append(" [").append(String.join(",", java.util.Collections.nCopies(9, previous)))
				.append("]\n");
		}
		return yaml.toString();
	}

	public static String document() {
		return after("");
	}

}

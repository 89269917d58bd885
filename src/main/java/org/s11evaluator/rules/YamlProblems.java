package org.s11evaluator.rules;

import org.s11evaluator.yaml.YamlMistake;

/** A YAML file of a pack that cannot be read, as a problem at the line where the officer made the mistake, in plain words. */
final class YamlProblems {

	private YamlProblems() {
	}

	static RuleProblem of(String file, String text, Throwable thrown) {
		for (Throwable t = thrown; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof UnknownFieldAtItsLine.UnknownField unknown) {
				int line = unknown.line;
				int column = unknown.column;
				if (line <= 0) {
					// records are read from replayed tokens without a location: the key's first use in the text tells
					line = YamlMistake.lineOfKey(text, unknown.field, 1);
					column = (line > 0) ? text.lines().skip(line - 1).findFirst().orElse("").indexOf(unknown.field) + 1 : 0;
				}
				return new RuleProblem(file, Math.max(line, 0), Math.max(column, 0), unknown.getMessage()
						+ DidYouMean.hint(unknown.field, unknown.known));
			}
		}
		YamlMistake mistake = YamlMistake.of(thrown, text);
		return new RuleProblem(file, mistake.line(), mistake.column(), mistake.message());
	}

}

package org.s11evaluator.rules;

/**
 * One problem in a rule pack, located the way a policy officer can find it: file (relative to the rules
 * folder), line and column (0 when unknown), and a plain-English message.
 */
public record RuleProblem(String file, int line, int column, String message) {

	@Override
	public String toString() {
		StringBuilder where = new StringBuilder(this.file);
		if (this.line > 0) {
			where.append(':').append(this.line);
			if (this.column > 0) {
				where.append(':').append(this.column);
			}
		}
		return where + ": " + this.message;
	}

}

package org.s11evaluator.submission;

/**
 * Why a return, or part of it, could not be imported: where (the line and column in the file, with the field's
 * path, such as {@code line 14, column 9 (responses[3].rating)}; or {@code file} for a file that was not read),
 * the item concerned if any, and what was expected, in plain words.
 */
public record ImportProblem(String location, String itemId, String message) {

	@Override
	public String toString() {
		return this.location + ((this.itemId != null) ? " (item " + this.itemId + ")" : "") + ": " + this.message;
	}

}

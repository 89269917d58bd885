package org.s11evaluator.submission;

/**
 * Why a return, or part of it, could not be imported: where (a JSON path such as
 * {@code $.responses[3].rating}, or a line and column for malformed JSON), the item concerned if any, and
 * what was expected.
 */
public record ImportProblem(String location, String itemId, String message) {

	@Override
	public String toString() {
		return this.location + ((this.itemId != null) ? " (item " + this.itemId + ")" : "") + ": " + this.message;
	}

}

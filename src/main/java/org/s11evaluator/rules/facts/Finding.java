package org.s11evaluator.rules.facts;

/**
 * Something the evaluation found about a return, such as missing evidence or a red item without an action.
 * {@code code} is a stable identifier (for example {@code MISSING_EVIDENCE}); {@code message} says it in plain
 * English. {@code itemId} and {@code standardId} may be null for findings about the whole return.
 */
public record Finding(String code, String itemId, String standardId, String message) implements Outcome {

	public Finding {
		code = Outcome.bounded("code", code);
		itemId = Outcome.bounded("itemId", itemId);
		standardId = Outcome.bounded("standardId", standardId);
		message = Outcome.bounded("message", message);
	}


	@Override
	public String summary() {
		return "Finding[" + this.code + ", item=" + this.itemId + "]";
	}

}

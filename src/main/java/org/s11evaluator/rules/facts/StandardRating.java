package org.s11evaluator.rules.facts;

/** The rating of a whole standard for one agency, rolled up from its items by the partnership's policy. */
public record StandardRating(String standardId, Rag rag, String reason) implements Outcome {

	public StandardRating {
		standardId = Outcome.bounded("standardId", standardId);
		reason = Outcome.bounded("reason", reason);
	}


	@Override
	public String summary() {
		return "StandardRating[standard=" + this.standardId + ", " + this.rag + "]";
	}

}

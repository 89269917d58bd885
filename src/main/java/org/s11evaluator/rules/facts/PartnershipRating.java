package org.s11evaluator.rules.facts;

/**
 * The partnership-wide rating of a standard ({@code itemId} null) or an item for a whole cycle, decided by the
 * pack's threshold rule from a {@link RatingTally}.
 */
public record PartnershipRating(String standardId, String itemId, Rag rag, String reason) implements Outcome {

	public PartnershipRating {
		standardId = Outcome.bounded("standardId", standardId);
		itemId = Outcome.bounded("itemId", itemId);
		reason = Outcome.bounded("reason", reason);
	}


	@Override
	public String summary() {
		return "PartnershipRating[" + ((this.itemId != null) ? "item=" + this.itemId : "standard=" + this.standardId) + ", " + this.rag + "]";
	}

}

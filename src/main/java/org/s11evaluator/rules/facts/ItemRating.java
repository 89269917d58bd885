package org.s11evaluator.rules.facts;

/** What an agency's rating of an item means in red/amber/green, as the partnership's policy reads it. */
public record ItemRating(String itemId, String standardId, Rag rag, String reason) implements Outcome {

	public ItemRating {
		itemId = Outcome.bounded("itemId", itemId);
		standardId = Outcome.bounded("standardId", standardId);
		reason = Outcome.bounded("reason", reason);
	}


	@Override
	public String summary() {
		return "ItemRating[item=" + this.itemId + ", " + this.rag + "]";
	}

}

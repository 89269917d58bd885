package org.s11evaluator.rules.facts;

/** One item of a standard that every agency is asked to rate. */
public record Item(String id, String standardId, String text) implements Fact {

	@Override
	public String summary() {
		return "Item[" + this.id + "]";
	}

}

package org.s11evaluator.rules.facts;

/** One standard (Pan-Sussex: area) of the partnership's framework. */
public record Standard(String id, String title) implements Fact {

	@Override
	public String summary() {
		return "Standard[" + this.id + "]";
	}

}

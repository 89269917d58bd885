package org.s11evaluator.rules.facts;

/** Red, amber or green, plus the two states a rating can have when there is nothing to rate. */
public enum Rag {

	RED("Red"), AMBER("Amber"), GREEN("Green"), NOT_APPLICABLE("N/A"), NOT_RATED("Not rated");

	private final String label;

	Rag(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Red and amber call for improvement action. */
	public boolean needsAction() {
		return this == RED || this == AMBER;
	}

}

package org.s11evaluator.rules.facts;

/** Something a rule can match; its summary is what an explanation shows as the rule's input. */
public interface Fact {

	/** A short, one-line description of this fact for explanations, without long free text. */
	String summary();

}

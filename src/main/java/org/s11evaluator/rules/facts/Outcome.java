package org.s11evaluator.rules.facts;

/** A conclusion a rule inserts: a rating, a finding, a follow-up action or a partnership-wide rating. */
public sealed interface Outcome extends Fact permits ItemRating, StandardRating, Finding, FollowUpAction, PartnershipRating {

	/** The most characters any text of an outcome may have: a rule that builds more is stopped with the reason. */
	int MAX_TEXT = 10_000;

	/** Refuses a text longer than {@link #MAX_TEXT}, so that no rule can grow a message without bound. */
	static String bounded(String what, String text) {
		if (text != null && text.length() > MAX_TEXT) {
			throw new IllegalArgumentException("a rule made a " + what + " of " + text.length() + " characters; an outcome's text may have "
					+ "at most " + MAX_TEXT);
		}
		return text;
	}

}

package org.s11evaluator.rules.facts;

/**
 * How the agencies that returned in a cycle rated one item ({@code itemId} set) or one standard
 * ({@code itemId} null, counting each agency's standard rating): the input to a partnership-wide rating.
 */
public record RatingTally(String standardId, String itemId, int green, int amber, int red, int notApplicable,
		int notAnswered) implements Fact {

	/** Agencies that rated it amber or red. */
	public int amberOrRed() {
		return this.amber + this.red;
	}

	/** Agencies that rated it green, amber or red (N/A and unanswered left out). */
	public int rated() {
		return this.green + this.amber + this.red;
	}

	/** Agencies that answered it, N/A included. */
	public int answered() {
		return rated() + this.notApplicable;
	}

	/** Every agency whose return was evaluated, answered or not. */
	public int returned() {
		return answered() + this.notAnswered;
	}

	public boolean isStandard() {
		return this.itemId == null;
	}

	/** "standard 6" or "item 6.2", for messages. */
	public String subject() {
		return isStandard() ? "standard " + this.standardId : "item " + this.itemId;
	}

	/** A share as a whole percentage for messages, e.g. {@code percent(5, 12)} is "42%"; never used to decide. */
	public static String percent(int part, int whole) {
		return (whole == 0) ? "n/a" : Math.round(100.0 * part / whole) + "%";
	}

	@Override
	public String summary() {
		return "RatingTally[" + subject() + ": green=" + this.green + ", amber=" + this.amber + ", red=" + this.red + ", n/a="
				+ this.notApplicable + ", not answered=" + this.notAnswered + "]";
	}

}

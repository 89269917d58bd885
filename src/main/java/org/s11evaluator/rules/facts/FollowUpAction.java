package org.s11evaluator.rules.facts;

import java.time.LocalDate;

/** A mandatory action the evaluation generates for a red or amber item the agency has not itself covered. */
public record FollowUpAction(String itemId, String standardId, String owner, LocalDate due, String action,
		String reason) implements Outcome {

	@Override
	public String summary() {
		return "FollowUpAction[item=" + this.itemId + ", due=" + this.due + "]";
	}

}

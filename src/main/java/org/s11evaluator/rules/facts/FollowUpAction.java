package org.s11evaluator.rules.facts;

import java.time.LocalDate;

/** A mandatory action the evaluation generates for a red or amber item the agency has not itself covered. */
public record FollowUpAction(String itemId, String standardId, String owner, LocalDate due, String action,
		String reason) implements Outcome {

	public FollowUpAction {
		itemId = Outcome.bounded("itemId", itemId);
		standardId = Outcome.bounded("standardId", standardId);
		owner = Outcome.bounded("owner", owner);
		action = Outcome.bounded("action", action);
		reason = Outcome.bounded("reason", reason);
	}


	@Override
	public String summary() {
		return "FollowUpAction[item=" + this.itemId + ", due=" + this.due + "]";
	}

}

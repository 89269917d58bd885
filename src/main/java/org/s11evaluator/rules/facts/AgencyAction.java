package org.s11evaluator.rules.facts;

import java.time.LocalDate;

/**
 * An action the agency itself committed to: for an item, or for a whole standard, with its progress and,
 * once done, its completion date. {@code number} is its position in the return's action list, from 1.
 */
public record AgencyAction(int number, String itemId, String standardId, String action, String lead,
		LocalDate due, String progress, LocalDate completed) implements Fact {

	public boolean hasAction() {
		return !ItemResponse.isBlank(this.action);
	}

	public boolean hasLead() {
		return !ItemResponse.isBlank(this.lead);
	}

	public boolean hasDueDate() {
		return this.due != null;
	}

	/** The agency reports the action as completed (it gave a completion date). */
	public boolean isCompleted() {
		return this.completed != null;
	}

	/** An item-level action covers its item; a standard-level action covers every item of the standard. */
	public boolean covers(String item, String standard) {
		if (this.itemId != null) {
			return this.itemId.equals(item);
		}
		return this.standardId != null && this.standardId.equals(standard);
	}

	/** True when the action is about this standard, whether it names an item of it or the standard itself. */
	public boolean concernsStandard(String standard) {
		return standard != null && standard.equals(this.standardId);
	}

	@Override
	public String summary() {
		return "AgencyAction[#" + this.number + ", " + ((this.itemId != null) ? "item=" + this.itemId : "standard=" + this.standardId)
				+ ", lead=" + (hasLead() ? "given" : "none") + ", due=" + this.due + "]";
	}

}

package org.s11evaluator.cycle;

import java.time.LocalDate;

/** One audit round of a partnership, with its return deadline. */
public record Cycle(String id, String partnershipId, String title, LocalDate opensOn, LocalDate returnDeadline,
		String status) {

	public boolean isOpen() {
		return "OPEN".equals(this.status);
	}

}

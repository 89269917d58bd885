package org.s11evaluator.cycle;

import java.time.LocalDate;

/**
 * One audit round of a partnership, with its return deadline and the rule pack its returns are judged by
 * (often a template shared by several partnerships).
 */
public record Cycle(String id, String partnershipId, String packId, String title, LocalDate opensOn, LocalDate returnDeadline,
		String status) {

	public boolean isOpen() {
		return "OPEN".equals(this.status);
	}

}

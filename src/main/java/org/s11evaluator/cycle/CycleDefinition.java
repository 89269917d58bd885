package org.s11evaluator.cycle;

import java.time.LocalDate;
import java.util.List;

/**
 * A cycle as an officer describes it in {@code cycle.yaml}: the partnership, the rule pack it uses (by default
 * the pack named like the partnership), dates and expected agencies.
 */
record CycleDefinition(String id, String partnership, String partnershipName, String rulePack, String title, LocalDate opens,
		LocalDate returnDeadline, List<ExpectedAgency> agencies) {

	CycleDefinition {
		agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
	}

	/** The pack the cycle's returns are judged by. */
	String packId() {
		return (this.rulePack != null) ? this.rulePack : this.partnership;
	}

	record ExpectedAgency(String id, String name, String sector) {
	}

}

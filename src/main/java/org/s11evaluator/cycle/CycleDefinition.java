package org.s11evaluator.cycle;

import java.time.LocalDate;
import java.util.List;

/**
 * A cycle as an officer describes it in {@code cycle.yaml}: the partnership, the rule pack it uses (by default
 * the pack named like the partnership), dates, expected agencies and what to do with a return from any other agency.
 */
record CycleDefinition(String id, String partnership, String partnershipName, String rulePack, String title, LocalDate opens,
		LocalDate returnDeadline, List<ExpectedAgency> agencies, UnexpectedAgencies unexpectedAgencies) {

	CycleDefinition {
		agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
		// a return from an agency missing from the list is imported and flagged unless the cycle says otherwise
		unexpectedAgencies = (unexpectedAgencies != null) ? unexpectedAgencies : UnexpectedAgencies.ACCEPT;
	}

	/** The pack the cycle's returns are judged by. */
	String packId() {
		return (this.rulePack != null) ? this.rulePack : this.partnership;
	}

	record ExpectedAgency(String id, String name, String sector) {
	}

}

package org.s11evaluator.cycle;

import java.time.LocalDate;
import java.util.List;

/** A cycle as an officer describes it in {@code cycle.yaml}: the partnership, dates and expected agencies. */
record CycleDefinition(String id, String partnership, String title, LocalDate opens, LocalDate returnDeadline,
		List<ExpectedAgency> agencies) {

	CycleDefinition {
		agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
	}

	record ExpectedAgency(String id, String name, String sector) {
	}

}

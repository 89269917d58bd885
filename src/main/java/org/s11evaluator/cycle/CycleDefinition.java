package org.s11evaluator.cycle;

import java.time.LocalDate;
import java.util.List;

/**
 * A cycle as an officer describes it in {@code cycle.yaml}: the partnership, the rule pack it uses (by default
 * the pack named like the partnership), dates, expected agencies and what to do with a return from any other agency.
 * A cycle may instead judge its agencies by several templates ({@code templates:}, each a pack chosen by sector,
 * or per agency with the agency's {@code template:}), or give one set of returns to several partnerships
 * ({@code partnerships:}, each with its agencies); see {@link CycleGroupsCheck}.
 */
record CycleDefinition(String id, String partnership, String partnershipName, String rulePack, String title, LocalDate opens,
		LocalDate returnDeadline, List<ExpectedAgency> agencies, UnexpectedAgencies unexpectedAgencies, List<Template> templates,
		List<PartnershipGroup> partnerships) {

	CycleDefinition {
		agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
		// a return from an agency missing from the list is imported and flagged unless the cycle says otherwise
		unexpectedAgencies = (unexpectedAgencies != null) ? unexpectedAgencies : UnexpectedAgencies.ACCEPT;
		templates = (templates != null) ? List.copyOf(templates) : List.of();
		partnerships = (partnerships != null) ? List.copyOf(partnerships) : List.of();
	}

	/** The pack the cycle's returns are judged by: its rulePack, else its first template, else the partnership's. */
	String packId() {
		if (this.rulePack != null) {
			return this.rulePack;
		}
		return this.templates.isEmpty() || this.templates.get(0).pack() == null ? this.partnership : this.templates.get(0).pack();
	}

	/** {@code template}: the pack this agency's return is judged by, over any template chosen by its sector. */
	record ExpectedAgency(String id, String name, String sector, String template) {
	}

	/** A template of the cycle: a rule pack, the name the reports give it, and the sectors it judges. */
	record Template(String pack, String name, List<String> sectors) {

		Template {
			sectors = (sectors != null) ? List.copyOf(sectors) : List.of();
		}

	}

	/** A partnership served by the cycle's returns, with the expected agencies that belong to it. */
	record PartnershipGroup(String id, String name, List<String> agencies) {

		PartnershipGroup {
			agencies = (agencies != null) ? List.copyOf(agencies) : List.of();
		}

	}

}

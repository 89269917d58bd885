package org.s11evaluator.reporting;

import java.util.List;

import org.s11evaluator.cycle.CycleGroup;

/**
 * Whose summary of a cycle is built: the whole cycle ({@link #WHOLE}), or one of its groups ({@link CycleGroup}):
 * the agencies of one template or one partnership, with that group's own pack and partnership ratings, written to
 * {@code <output>/<cycle>/<group>/}.
 */
record SummaryScope(CycleGroup group) {

	static final SummaryScope WHOLE = new SummaryScope(null);

	boolean whole() {
		return this.group == null;
	}

	/** The partnership ratings of this scope: '' for the whole cycle. */
	String groupId() {
		return whole() ? "" : this.group.id();
	}

	/** Whether the agency's results belong in this scope: a template group by the pack its return was judged by. */
	boolean includes(String agencyId, String packId) {
		if (whole()) {
			return true;
		}
		return this.group.isTemplate() ? this.group.packId().equals(packId) : this.group.agencyIds().contains(agencyId);
	}

	List<String> expectedAgencies() {
		return whole() ? List.of() : this.group.agencyIds();
	}

}

package org.s11evaluator.cycle;

import java.util.List;

/**
 * A group of a cycle's agencies that is rated and summarised on its own: the agencies judged by one template
 * ({@link #TEMPLATE}: the group's id is its pack) or those belonging to one of the partnerships the cycle's returns
 * serve ({@link #PARTNERSHIP}). {@code agencyIds}: the expected agencies of the group, in the cycle.yaml's order.
 */
public record CycleGroup(String id, String kind, String name, String packId, List<String> agencyIds) {

	public static final String TEMPLATE = "TEMPLATE";

	public static final String PARTNERSHIP = "PARTNERSHIP";

	public CycleGroup {
		agencyIds = List.copyOf(agencyIds);
	}

	public boolean isTemplate() {
		return TEMPLATE.equals(this.kind);
	}

}

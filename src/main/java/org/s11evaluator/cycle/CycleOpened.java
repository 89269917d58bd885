package org.s11evaluator.cycle;

import java.util.List;

/**
 * A cycle.yaml was read: the cycle's pack, its templates and its list of agencies are as it says now, and so are the
 * names and sectors of the agencies it lists (which other cycles' returns may carry too). Published synchronously,
 * inside the opening's transaction, so that what a listener derives from them commits or rolls back with them.
 */
public record CycleOpened(String cycleId, List<String> agencyIds) {
}

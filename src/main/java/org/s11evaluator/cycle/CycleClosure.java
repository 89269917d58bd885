package org.s11evaluator.cycle;

import java.time.LocalDateTime;

/**
 * A cycle's lifecycle state beyond "open": when it was last closed (UTC), the rule-pack version frozen with it, and
 * its latest published edition. All null for a cycle never closed; a reopened cycle keeps the last ones.
 */
public record CycleClosure(String cycleId, String status, LocalDateTime closedAt, String packVersion, Integer latestEdition) {

	public boolean isClosed() {
		return "CLOSED".equals(this.status);
	}

	/** How to reopen it, for the messages that refuse to change a closed cycle. */
	public static String howToReopen(String cycleId) {
		return "to change it, reopen it first: reopen-cycle --cycle=" + cycleId + " --reason=\"...\" (closing it again publishes a new edition)";
	}

}

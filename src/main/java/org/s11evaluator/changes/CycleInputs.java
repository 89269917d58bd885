package org.s11evaluator.changes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A module whose records are inputs of a cycle's ratings and summary (its returns, their evaluations, a moderated
 * rating, a staff survey's import) says here what it holds for each cycle, as short text that changes whenever its
 * records do; change detection adds it to the cycle's fingerprint. So this module reads no other module's tables, and
 * a new kind of input needs no change here. Each answers for the whole list of cycles at once (one query, or one per
 * thousand ids), never one query per cycle.
 */
public interface CycleInputs {

	/**
	 * For each of the cycles given that has records of this kind, a text that changes whenever they change, or when
	 * what the summary shows of them as of {@code asOf} does (an action falling overdue); cycles without any are left
	 * out (their fingerprint is then as if this kind of input did not exist).
	 */
	Map<String, String> of(List<String> cycleIds, LocalDate asOf);

	/**
	 * What a later cycle's summary reads of each of these earlier cycles (its "progress since" section, while the
	 * earlier cycle has no published edition), as text that changes whenever that does; by default nothing.
	 */
	default Map<String, String> ofEarlier(List<String> cycleIds) {
		return Map.of();
	}

}

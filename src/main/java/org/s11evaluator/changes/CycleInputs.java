package org.s11evaluator.changes;

import java.util.List;
import java.util.Map;

/**
 * A module whose records are inputs of a cycle's ratings and summary (a moderated rating, a staff survey's import)
 * says here what it holds for each cycle, as short text that changes whenever its records do; change detection adds
 * it to the cycle's fingerprint. So this module reads no other module's tables, and a new kind of input needs no
 * change here.
 */
public interface CycleInputs {

	/**
	 * For each of the cycles given that has records of this kind, a text that changes whenever they change; cycles
	 * without any are left out (their fingerprint is then as if this kind of input did not exist).
	 */
	Map<String, String> of(List<String> cycleIds);

}

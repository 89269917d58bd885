package org.s11evaluator.changes;

import java.util.List;
import java.util.Map;

/**
 * Where the fingerprint of the inputs each cycle's summary was made from is kept, by the module that keeps the
 * summaries: change detection compares with it and records a new one once a summary is made.
 */
public interface SummaryFingerprints {

	/** The fingerprint recorded with each of these cycles' summaries; a cycle without one is left out. */
	Map<String, String> recorded(List<String> cycleIds);

	/** Records that the cycle's summary reflects the inputs with this fingerprint. */
	void record(String cycleId, String fingerprint);

}

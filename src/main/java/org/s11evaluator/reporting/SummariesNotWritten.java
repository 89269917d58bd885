package org.s11evaluator.reporting;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary step's failure, in the words the run report shows: each cycle whose summary was not written, with
 * the plain cause ("the output folder /x is read-only", "no space left on device writing /x/summary.pdf"). It
 * carries no stack trace of its own: each cycle's is logged at DEBUG where it happened.
 */
class SummariesNotWritten extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final int LISTED = 5;

	SummariesNotWritten(Map<String, RuntimeException> failed) {
		super(message(failed), null, false, false);
	}

	private static String message(Map<String, RuntimeException> failed) {
		String listed = failed.entrySet().stream().limit(LISTED)
			.map((e) -> e.getKey() + ": " + e.getValue().getMessage())
			.collect(Collectors.joining("; "));
		String more = (failed.size() > LISTED) ? "; and " + (failed.size() - LISTED) + " more cycle(s) (see the log)" : "";
		return "summaries not written (the previous files are as they were) for " + listed + more;
	}

}

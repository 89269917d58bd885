package org.s11evaluator.retention;

import java.time.LocalDateTime;

/**
 * Records of past runs that retention removes once they are older than the period, kept by the module that owns them
 * (the run reports of {@code runs}, which implements this): retention depends on no module above it.
 */
public interface RetainedRunRecords {

	/** Removes the records of runs that ended before the time given (the JVM's local time, as the runs record it); how many. */
	int removeEndedBefore(LocalDateTime before);

}

package org.s11evaluator.evaluation;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.SkipListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records why a submission could not be evaluated. Its last good results, and the pack version that
 * produced them, stay as they were.
 */
class EvaluationFailureRecorder implements SkipListener<SubmissionToEvaluate, EvaluatedSubmission> {

	private static final Logger log = LoggerFactory.getLogger(EvaluationFailureRecorder.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.jdbc.core.JdbcTemplate template;

	EvaluationFailureRecorder(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
	}

	@Override
	public void onSkipInProcess(SubmissionToEvaluate submission, Throwable failure) {
		if (brokenPack(failure)) {
			// the pack's problems were logged once, by file and line, when it was first refused in this run: one line
			// per return would repeat them thousands of times on a national night (the run report counts them)
			log.debug("Submission {} (cycle {}) was not evaluated: {}", submission.id(), LogValues.escape(submission.cycleId()),
					LogValues.escape(firstLine(failure.getMessage())));
		}
		else {
			log.warn("Submission {} (cycle {}) was not evaluated: {}", submission.id(), LogValues.escape(submission.cycleId()),
					LogValues.escape(firstLine(failure.getMessage())));
		}
		this.jdbc.sql("""
				insert into evaluation (submission_id, cycle_id, status, pack_id, failure, failed_at)
				values (?, ?, 'FAILED', ?, ?, ?)
				on duplicate key update cycle_id = values(cycle_id), status = 'FAILED', failure = values(failure), failed_at = values(failed_at)""")
			.params(submission.id(), submission.cycleId(), submission.packId(), failure.getMessage(),
					LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
		// what the return holds of its evaluation, on this connection (the submission module's table, its statement)
		org.s11evaluator.submission.StoredReturns.recordFailed(this.template, submission.id());
	}

	private static boolean brokenPack(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof org.s11evaluator.rules.RulePackException && !(cause instanceof org.s11evaluator.rules.RuleBudgetExceededException)) {
				return true;
			}
		}
		return false;
	}

	private static String firstLine(String message) {
		return (message == null) ? "unknown error" : message.lines().findFirst().orElse(message);
	}

}

package org.s11evaluator.evaluation;

import java.util.List;

import org.s11evaluator.submission.ReturnCorrected;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes the results of a return that was corrected, in the transaction that stores the correction: the corrected
 * version has none until it is evaluated (and is selected for evaluation for having none).
 */
@Component
class CorrectedReturns {

	private static final List<String> RESULT_TABLES = List.of("finding", "follow_up_action", "evaluation");

	private final JdbcTemplate jdbc;

	CorrectedReturns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ReturnCorrected corrected) {
		for (String table : RESULT_TABLES) {
			this.jdbc.update("delete from " + table + " where submission_id = ?", corrected.submissionId());
		}
	}

}

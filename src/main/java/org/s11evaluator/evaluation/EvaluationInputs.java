package org.s11evaluator.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.changes.CycleInputs;
import org.s11evaluator.submission.SubmissionsOfCycles;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cycle's evaluations as an input of its ratings and summary: how many, the latest evaluated and failed, how many
 * failed, and how many follow-up actions are overdue as of the day; of an earlier cycle (its "progress since"), how
 * many and the latest. Its records are kept per return, so it asks the submission module which returns the cycles
 * hold (one query), then reads its own tables for those returns, a thousand at a time.
 */
@Component
@Order(-1)
class EvaluationInputs implements CycleInputs {

	private static final int IDS_PER_QUERY = 1000;

	private final JdbcClient jdbc;

	private final SubmissionsOfCycles submissions;

	EvaluationInputs(JdbcClient jdbc, SubmissionsOfCycles submissions) {
		this.jdbc = jdbc;
		this.submissions = submissions;
	}

	/** What a cycle's evaluations add up to so far. */
	private static final class Evaluations {

		int count;

		int failed;

		String latestEvaluated = "";

		String latestFailed = "";

		Long overdueActions;

		String text(boolean earlier) {
			return earlier ? "evaluations " + this.count + ":" + this.latestEvaluated
					: "evaluations " + this.count + ":" + this.latestEvaluated + ":" + this.latestFailed + ":" + this.failed
							+ " overdue " + ((this.overdueActions != null) ? this.overdueActions : "");
		}

	}

	@Override
	public Map<String, String> of(List<String> cycleIds, LocalDate asOf) {
		return texts(cycleIds, asOf, false);
	}

	@Override
	public Map<String, String> ofEarlier(List<String> cycleIds) {
		return texts(cycleIds, null, true);
	}

	private Map<String, String> texts(List<String> cycleIds, LocalDate asOf, boolean earlier) {
		Map<Long, String> cycleOf = this.submissions.cycleOfEach(cycleIds);
		Map<String, Evaluations> evaluations = new HashMap<>();
		List<Long> ids = new ArrayList<>(cycleOf.keySet());
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<Long> some = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
			this.jdbc.sql("""
					select submission_id, status = 'FAILED', date_format(evaluated_at, '%Y-%m-%d %H:%i:%s.%f'),
					  date_format(failed_at, '%Y-%m-%d %H:%i:%s.%f') from evaluation where submission_id in (:ids)""")
				.param("ids", some)
				.query((rs) -> {
					Evaluations of = evaluations.computeIfAbsent(cycleOf.get(rs.getLong(1)), (id) -> new Evaluations());
					of.count++;
					of.failed += rs.getBoolean(2) ? 1 : 0;
					of.latestEvaluated = later(of.latestEvaluated, rs.getString(3));
					of.latestFailed = later(of.latestFailed, rs.getString(4));
				});
			if (!earlier) {
				this.jdbc.sql("select submission_id, sum(due_date < :asOf) from follow_up_action where submission_id in (:ids) group by submission_id")
					.param("ids", some)
					.param("asOf", asOf)
					.query((rs) -> {
						Evaluations of = evaluations.computeIfAbsent(cycleOf.get(rs.getLong(1)), (id) -> new Evaluations());
						of.overdueActions = ((of.overdueActions != null) ? of.overdueActions : 0) + rs.getLong(2);
					});
			}
		}
		Map<String, String> texts = new HashMap<>();
		evaluations.forEach((cycle, of) -> texts.put(cycle, of.text(earlier)));
		return texts;
	}

	private static String later(String latest, String candidate) {
		return (candidate != null && candidate.compareTo(latest) > 0) ? candidate : latest;
	}

}

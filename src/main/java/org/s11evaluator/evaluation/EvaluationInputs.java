package org.s11evaluator.evaluation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.changes.CycleInputs;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cycle's evaluations as an input of its ratings and summary: how many, the latest evaluated and failed, how many
 * failed, and how many follow-up actions are overdue as of the day; of an earlier cycle (its "progress since"), how
 * many and the latest: two grouped queries over its own tables for all the cycles asked about (each evaluation row names
 * its return's cycle), however many returns they hold.
 */
@Component
@Order(-1)
class EvaluationInputs implements CycleInputs {

	private final JdbcClient jdbc;

	EvaluationInputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		Map<String, Evaluations> evaluations = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return Map.of();
		}
		this.jdbc.sql("""
				select cycle_id, count(*), sum(status = 'FAILED'), date_format(max(evaluated_at), '%Y-%m-%d %H:%i:%s.%f'),
				  date_format(max(failed_at), '%Y-%m-%d %H:%i:%s.%f') from evaluation where cycle_id in (:cycles) group by cycle_id""")
			.param("cycles", cycleIds)
			.query((rs) -> {
				Evaluations of = evaluations.computeIfAbsent(rs.getString(1), (id) -> new Evaluations());
				of.count = rs.getInt(2);
				of.failed = rs.getInt(3);
				of.latestEvaluated = (rs.getString(4) != null) ? rs.getString(4) : "";
				of.latestFailed = (rs.getString(5) != null) ? rs.getString(5) : "";
			});
		if (!earlier) {
			this.jdbc.sql("""
					select e.cycle_id, sum(f.due_date < :asOf) from follow_up_action f join evaluation e on e.submission_id = f.submission_id
					where e.cycle_id in (:cycles) group by e.cycle_id""")
				.param("cycles", cycleIds)
				.param("asOf", asOf)
				.query((rs) -> {
					Evaluations of = evaluations.computeIfAbsent(rs.getString(1), (id) -> new Evaluations());
					of.overdueActions = rs.getLong(2);
				});
		}
		Map<String, String> texts = new HashMap<>();
		evaluations.forEach((cycle, of) -> texts.put(cycle, of.text(earlier)));
		return texts;
	}

}

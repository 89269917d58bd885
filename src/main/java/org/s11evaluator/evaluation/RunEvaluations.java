package org.s11evaluator.evaluation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.s11evaluator.submission.StoredReturns;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a run's report and audit need of the evaluations it made or could not make, each with the cycle of its return
 * (asked of the submission module, a thousand returns a query): the evaluation table is read here alone.
 */
@Component
public class RunEvaluations {

	/** How many returns of a cycle one run evaluated with one version of a pack. */
	public record Evaluated(String cycleId, String packId, String packVersion, int count) {
	}

	/** A return that could not be evaluated, with the first line of why. */
	public record Failed(long submissionId, String cycleId, String reason) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final StoredReturns returns;

	RunEvaluations(NamedParameterJdbcTemplate jdbc, StoredReturns returns) {
		this.jdbc = jdbc;
		this.returns = returns;
	}

	/** The returns the run evaluated, counted by cycle and pack version (ordered by cycle, pack, version). */
	public List<Evaluated> evaluatedBy(long jobExecutionId) {
		record Row(long id, String packId, String packVersion) {
		}
		List<Row> rows = this.jdbc.query(
				"select submission_id, pack_id, pack_version from evaluation where job_execution_id = :job and status = 'EVALUATED'",
				Map.of("job", jobExecutionId), (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
		Map<Long, String> cycles = this.returns.cyclesOf(rows.stream().map(Row::id).toList());
		Map<List<String>, Integer> counts = new TreeMap<>((a, b) -> {
			for (int i = 0; i < a.size(); i++) {
				int c = String.valueOf(a.get(i)).compareTo(String.valueOf(b.get(i)));
				if (c != 0) {
					return c;
				}
			}
			return 0;
		});
		for (Row row : rows) {
			String cycle = cycles.get(row.id());
			if (cycle != null) { // a return removed since has no cycle to report against (nor had it in the join)
				counts.merge(java.util.Arrays.asList(cycle, row.packId(), row.packVersion()), 1, Integer::sum);
			}
		}
		List<Evaluated> evaluated = new ArrayList<>();
		counts.forEach((key, count) -> evaluated.add(new Evaluated(key.get(0), key.get(1), key.get(2), count)));
		return evaluated;
	}

	/** The returns whose evaluation failed at or after the time given (UTC, as failures are stamped), by submission id. */
	public List<Failed> failedSince(LocalDateTime utc) {
		record Row(long id, String failure) {
		}
		List<Row> rows = this.jdbc.query("select submission_id, failure from evaluation where status = 'FAILED' and failed_at >= :since"
				+ " order by submission_id", Map.of("since", utc), (rs, i) -> new Row(rs.getLong(1), rs.getString(2)));
		Map<Long, String> cycles = this.returns.cyclesOf(rows.stream().map(Row::id).toList());
		List<Failed> failed = new ArrayList<>();
		for (Row row : rows) {
			String cycle = cycles.get(row.id());
			if (cycle != null) {
				failed.add(new Failed(row.id(), cycle, firstLine(row.failure())));
			}
		}
		return failed;
	}

	static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}

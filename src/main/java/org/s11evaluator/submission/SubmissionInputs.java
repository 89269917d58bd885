package org.s11evaluator.submission;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.changes.CycleInputs;
import org.s11evaluator.cycle.CycleInputTexts;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cycle's returns as an input of its ratings and summary: how many, their versions and latest import, the names of
 * the agencies that sent them (the cycle module's, asked in one query), the files rejected, and how many of the
 * agencies' own actions are overdue or done as of the day. One query per table for the whole list of cycles.
 */
@Component
@Order(-2)
class SubmissionInputs implements CycleInputs {

	private final JdbcClient jdbc;

	private final CycleInputTexts cycles;

	SubmissionInputs(JdbcClient jdbc, CycleInputTexts cycles) {
		this.jdbc = jdbc;
		this.cycles = cycles;
	}

	/** What the cycle's returns add up to so far. */
	private static final class Returns {

		int count;

		long versions;

		String latestImport = "";

		final List<String> agencies = new java.util.ArrayList<>();

	}

	@Override
	public Map<String, String> of(List<String> cycleIds, LocalDate asOf) {
		Map<String, String> texts = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return texts;
		}
		Map<String, Returns> returns = new HashMap<>();
		this.jdbc.sql("select cycle_id, agency_id, version, date_format(imported_at, '%Y-%m-%d %H:%i:%s.%f') from submission where cycle_id in (:ids)")
			.param("ids", cycleIds)
			.query((rs) -> {
				Returns of = returns.computeIfAbsent(rs.getString(1), (id) -> new Returns());
				of.count++;
				of.versions += rs.getInt(3);
				of.latestImport = (rs.getString(4).compareTo(of.latestImport) > 0) ? rs.getString(4) : of.latestImport;
				of.agencies.add(rs.getString(2));
			});
		Map<String, Long> agencies = this.cycles.agencyChecksums(returns.values().stream().flatMap((r) -> r.agencies.stream()).toList());
		Map<String, String> rejected = new HashMap<>();
		this.jdbc.sql("select cycle_id, count(*), max(received_at) from rejected_submission where cycle_id in (:ids) group by cycle_id")
			.param("ids", cycleIds)
			.query((rs) -> {
				rejected.put(rs.getString(1), rs.getString(2) + ":" + rs.getString(3));
			});
		Map<String, String> actions = new HashMap<>();
		this.jdbc.sql("""
				select s.cycle_id, concat_ws(':', sum(x.due_date < :asOf), sum(x.completed_on <= :asOf))
				from submission s join agency_action x on x.submission_id = s.id where s.cycle_id in (:ids) group by s.cycle_id""")
			.param("ids", cycleIds)
			.param("asOf", asOf)
			.query((rs) -> {
				actions.put(rs.getString(1), rs.getString(2));
			});
		for (String id : cycleIds) {
			Returns of = returns.get(id);
			if (of == null && !rejected.containsKey(id)) {
				continue;
			}
			StringBuilder text = new StringBuilder("returns ");
			if (of != null) {
				long found = of.agencies.stream().filter(agencies::containsKey).count();
				long checksum = of.agencies.stream().mapToLong((agency) -> agencies.getOrDefault(agency, 0L)).sum();
				text.append(of.count).append(':').append(of.versions).append(':').append(of.latestImport)
					.append(" agencies ").append(found).append(':').append(checksum);
			}
			text.append(" rejected ").append(rejected.getOrDefault(id, "")).append(" actions ").append(actions.getOrDefault(id, ""));
			texts.put(id, text.toString());
		}
		return texts;
	}

}

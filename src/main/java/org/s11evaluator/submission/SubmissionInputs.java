package org.s11evaluator.submission;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.changes.CycleInputs;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cycle's returns as an input of its ratings and summary: how many, their versions and latest import, the names and
 * sectors of the agencies that sent them, the files rejected, and how many of the agencies' own actions are overdue or
 * done as of the day. One grouped query over this module's own tables for the whole list of cycles, each part read from
 * an index that covers it, however many returns they hold: the agencies' names and sectors are those each return holds
 * of its cycle ({@code agency_name}, {@code agency_sector}: the cycle module's, kept on the return whenever it is stored
 * and whenever a cycle.yaml naming its agency is read, {@link ReturnsInCycle}), summed as a checksum of each agency's id,
 * name and sector.
 */
@Component
@Order(-2)
class SubmissionInputs implements CycleInputs {

	private static final String RETURNS = "returns";

	private static final String REJECTED = "rejected";

	private static final String ACTIONS = "actions";

	private final JdbcClient jdbc;

	SubmissionInputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> of(List<String> cycleIds, LocalDate asOf) {
		Map<String, String> texts = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return texts;
		}
		Map<String, String> returns = new HashMap<>();
		Map<String, String> rejected = new HashMap<>();
		Map<String, String> actions = new HashMap<>();
		this.jdbc.sql("""
				select 'returns', cycle_id, concat(count(*), ':', sum(version), ':', date_format(max(imported_at), '%Y-%m-%d %H:%i:%s.%f'),
				  ' agencies ', count(*), ':', sum(crc32(concat_ws('/', agency_id, agency_name, agency_sector))))
				from submission where cycle_id in (:ids) group by cycle_id
				union all
				select 'rejected', cycle_id, concat(count(*), ':', max(received_at))
				from rejected_submission where cycle_id in (:ids) group by cycle_id
				union all
				select 'actions', s.cycle_id, concat_ws(':', sum(x.due_date < :asOf), sum(x.completed_on <= :asOf))
				from submission s join agency_action x on x.submission_id = s.id where s.cycle_id in (:ids) group by s.cycle_id""")
			.param("ids", cycleIds)
			.param("asOf", asOf)
			.query((rs) -> {
				String kind = rs.getString(1);
				Map<String, String> into = RETURNS.equals(kind) ? returns : REJECTED.equals(kind) ? rejected : actions;
				into.put(rs.getString(2), rs.getString(3));
			});
		for (String id : cycleIds) {
			if (!returns.containsKey(id) && !rejected.containsKey(id)) {
				continue;
			}
			texts.put(id, RETURNS + " " + returns.getOrDefault(id, "") + " " + REJECTED + " " + rejected.getOrDefault(id, "") + " " + ACTIONS
					+ " " + actions.getOrDefault(id, ""));
		}
		return texts;
	}

}

package org.s11evaluator.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which returns the cycles hold, for a module whose records are kept per return (their evaluations). One query. */
@Component
public class SubmissionsOfCycles {

	private final JdbcClient jdbc;

	SubmissionsOfCycles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cycle of each return of the cycles given, by the return's id. */
	public Map<Long, String> cycleOfEach(List<String> cycleIds) {
		Map<Long, String> cycles = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return cycles;
		}
		this.jdbc.sql("select id, cycle_id from submission where cycle_id in (:ids)")
			.param("ids", cycleIds)
			.query((rs) -> {
				cycles.put(rs.getLong(1), rs.getString(2));
			});
		return cycles;
	}

}

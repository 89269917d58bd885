package org.s11evaluator.moderation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.changes.CycleInputs;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Moderated ratings as an input of a cycle's ratings and summary: the latest recorded (rows are only ever added). */
@Component
@Order(1)
class ModerationInputs implements CycleInputs {

	private final JdbcClient jdbc;

	ModerationInputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> of(List<String> cycleIds, LocalDate asOf) {
		Map<String, String> latest = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return latest;
		}
		this.jdbc.sql("select cycle_id, max(id) from moderated_rating where cycle_id in (:ids) group by cycle_id")
			.param("ids", cycleIds)
			.query((rs, row) -> latest.put(rs.getString(1), "moderated " + rs.getLong(2)))
			.list();
		return latest;
	}

}

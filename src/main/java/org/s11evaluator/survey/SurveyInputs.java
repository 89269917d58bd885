package org.s11evaluator.survey;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.changes.CycleInputs;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A staff survey's import as an input of a cycle's ratings and summary: when it was imported, under which pack version. */
@Component
@Order(2)
class SurveyInputs implements CycleInputs {

	private final JdbcClient jdbc;

	SurveyInputs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> of(List<String> cycleIds, LocalDate asOf) {
		Map<String, String> imports = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return imports;
		}
		this.jdbc.sql("select cycle_id, imported_at, pack_version from survey_import where cycle_id in (:ids)")
			.param("ids", cycleIds)
			.query((rs, row) -> imports.put(rs.getString(1), "survey " + rs.getString(2) + ":" + rs.getString(3)))
			.list();
		return imports;
	}

}

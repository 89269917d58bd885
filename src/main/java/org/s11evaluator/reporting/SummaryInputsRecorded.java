package org.s11evaluator.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.changes.SummaryFingerprints;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The fingerprint of the inputs each summary was made from, kept with the summary ({@code cycle_summary}). */
@Component
class SummaryInputsRecorded implements SummaryFingerprints {

	private final JdbcClient jdbc;

	SummaryInputsRecorded(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> recorded(List<String> cycleIds) {
		Map<String, String> recorded = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return recorded;
		}
		this.jdbc.sql("select cycle_id, inputs_fingerprint from cycle_summary where cycle_id in (:ids) and inputs_fingerprint is not null")
			.param("ids", cycleIds)
			.query((rs) -> {
				recorded.put(rs.getString(1), rs.getString(2));
			});
		return recorded;
	}

	@Override
	public void record(String cycleId, String fingerprint) {
		this.jdbc.sql("update cycle_summary set inputs_fingerprint = ? where cycle_id = ?").params(fingerprint, cycleId).update();
	}

}

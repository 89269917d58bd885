package org.s11evaluator.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the domain tables and the batch job history between tests (the batch id sequences stay). */
public class DatabaseCleaner {

	private static final List<String> TABLES = List.of("challenge_flag", "survey_count", "survey_import", "moderated_rating", "follow_up_action", "finding", "result_reason", "result_policy_values",
			"evaluation", "rejection_reason", "rejected_submission", "agency_action", "item_response", "submission",
			"partnership_rating", "cycle_summary",
			"cycle_edition", "audit_event", "cycle_group_agency", "cycle_group", "cycle_template_sector", "cycle_agency", "audit_cycle", "agency", "partnership", "BATCH_STEP_EXECUTION_CONTEXT",
			"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION",
			"BATCH_JOB_INSTANCE", "run_report", "run_heartbeat");

	private final JdbcTemplate jdbc;

	DatabaseCleaner(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void clean() {
		TABLES.forEach((table) -> this.jdbc.update("delete from " + table));
	}

}

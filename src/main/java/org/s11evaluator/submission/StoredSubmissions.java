package org.s11evaluator.submission;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.cycle.AuditCalendar;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.Submission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a stored return back as facts for the rules. */
@Component
public class StoredSubmissions {

	private static final TypeReference<List<String>> LINKS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	StoredSubmissions(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public SubmissionFacts facts(long submissionId) {
		Submission submission = this.jdbc.sql("""
				select c.partnership_id, s.cycle_id, s.agency_id, a.name, s.completed_by_name, s.completed_by_role, s.submitted_at
				from submission s join audit_cycle c on c.id = s.cycle_id join agency a on a.id = s.agency_id
				where s.id = ?""")
			.param(submissionId)
			.query((rs, row) -> new Submission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), AuditCalendar.dayOf(rs.getObject(7, LocalDateTime.class))))
			.single();
		List<ItemResponse> responses = this.jdbc.sql("""
				select item_id, standard_id, rating, statement, evidence_text, evidence_links, na_reason, last_reviewed
				from item_response where submission_id = ? order by item_id""")
			.param(submissionId)
			.query((rs, row) -> new ItemResponse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), links(rs.getString(6)), rs.getString(7), rs.getObject(8, LocalDate.class)))
			.list();
		List<AgencyAction> actions = this.jdbc.sql("""
				select position, item_id, standard_id, action_text, lead_name, due_date, progress, completed_on
				from agency_action where submission_id = ? order by position""")
			.param(submissionId)
			.query((rs, row) -> new AgencyAction(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, LocalDate.class)))
			.list();
		return new SubmissionFacts(submission, responses, actions);
	}

	private List<String> links(String text) {
		if (text == null) {
			return List.of();
		}
		try {
			return this.json.readValue(text, LINKS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored evidence links are not valid JSON: " + text, ex);
		}
	}

}

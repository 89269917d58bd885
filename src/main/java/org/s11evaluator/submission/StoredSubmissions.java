package org.s11evaluator.submission;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.cycle.AuditCalendar;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.Submission;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads stored returns back as facts for the rules. */
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
		SubmissionFacts facts = facts(List.of(submissionId)).get(submissionId);
		if (facts == null) {
			throw new org.springframework.dao.EmptyResultDataAccessException("No stored submission " + submissionId, 1);
		}
		return facts;
	}

	/**
	 * Reads many returns at once, in three queries whatever their number (the evaluation's hot path): their
	 * headers, their answers and their committed actions, keyed by submission id in the order given.
	 */
	public Map<Long, SubmissionFacts> facts(Collection<Long> submissionIds) {
		if (submissionIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Submission> headers = new LinkedHashMap<>();
		this.jdbc.sql("select s.id, " + HEADER_COLUMNS + " from submission s join audit_cycle c on c.id = s.cycle_id join agency a on a.id = s.agency_id"
				+ " where s.id in (:ids)")
			.param("ids", submissionIds)
			.query((RowCallbackHandler) (rs) -> headers.put(rs.getLong(1), header(rs, 2)));
		Map<Long, Submission> ordered = new LinkedHashMap<>();
		for (Long id : submissionIds) {
			Submission header = headers.get(id);
			if (header != null) { // deleted since it was selected: nothing to evaluate
				ordered.put(id, header);
			}
		}
		return facts(ordered);
	}

	/**
	 * The columns of a return's header, as {@link #header} reads them, for a query that selects returns with their
	 * headers in one go: {@code s} the submission, {@code c} its audit cycle, {@code a} its agency.
	 */
	public static final String HEADER_COLUMNS = "c.partnership_id, s.cycle_id, s.agency_id, a.name, s.completed_by_name, s.completed_by_role, s.submitted_at";

	/** A return's header from the {@link #HEADER_COLUMNS} of a row, the first of them at {@code column}. */
	public static Submission header(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		return new Submission(rs.getString(column), rs.getString(column + 1), rs.getString(column + 2), rs.getString(column + 3),
				rs.getString(column + 4), rs.getString(column + 5), AuditCalendar.dayOf(rs.getObject(column + 6, LocalDateTime.class)));
	}

	/**
	 * The returns whose headers are given (read with {@link #HEADER_COLUMNS}), with their answers and committed
	 * actions: two queries whatever their number; keyed by submission id in the order given.
	 */
	public Map<Long, SubmissionFacts> facts(Map<Long, Submission> headers) {
		if (headers.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> ids = Map.of("ids", headers.keySet());
		Map<Long, List<ItemResponse>> responses = new HashMap<>();
		this.jdbc.sql("""
				select submission_id, item_id, standard_id, rating, statement, evidence_text, evidence_links, na_reason, last_reviewed
				from item_response where submission_id in (:ids) order by submission_id, item_id""")
			.params(ids)
			.query((RowCallbackHandler) (rs) -> responses.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new ItemResponse(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
						links(rs.getString(7)), rs.getString(8), rs.getObject(9, LocalDate.class))));
		Map<Long, List<AgencyAction>> actions = new HashMap<>();
		this.jdbc.sql("""
				select submission_id, position, item_id, standard_id, action_text, lead_name, due_date, progress, completed_on
				from agency_action where submission_id in (:ids) order by submission_id, position""")
			.params(ids)
			.query((RowCallbackHandler) (rs) -> actions.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
				.add(new AgencyAction(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
						rs.getObject(7, LocalDate.class), rs.getString(8), rs.getObject(9, LocalDate.class))));
		Map<Long, SubmissionFacts> facts = new LinkedHashMap<>();
		headers.forEach((id, header) -> facts.put(id, new SubmissionFacts(header, responses.getOrDefault(id, List.of()),
				actions.getOrDefault(id, List.of()))));
		return facts;
	}

	/** An agency's stored return in an earlier cycle: that cycle's id, and the return as facts. */
	public record EarlierReturn(String cycleId, SubmissionFacts facts) {
	}

	/**
	 * The agency's return in the latest cycle of the same partnership that opened before the given one, if it
	 * sent one there (what a template for the cycle carries forward: last cycle's answers and open actions).
	 */
	public java.util.Optional<EarlierReturn> earlierReturn(String cycleId, String agencyId) {
		return this.jdbc.sql("""
				select s.id, earlier.id from submission s join audit_cycle earlier on earlier.id = s.cycle_id
				join audit_cycle this_cycle on this_cycle.id = ?
				where s.agency_id = ? and earlier.partnership_id = this_cycle.partnership_id and earlier.opens_on < this_cycle.opens_on
				order by earlier.opens_on desc, earlier.id desc limit 1""")
			.params(cycleId, agencyId)
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional()
			.map((found) -> new EarlierReturn((String) found[1], facts((Long) found[0])));
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

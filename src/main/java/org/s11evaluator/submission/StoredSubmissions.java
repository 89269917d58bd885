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

	private final org.s11evaluator.cycle.ReturnCycles cycles;

	StoredSubmissions(JdbcClient jdbc, ObjectMapper json, org.s11evaluator.cycle.ReturnCycles cycles) {
		this.jdbc = jdbc;
		this.json = json;
		this.cycles = cycles;
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
		this.jdbc.sql("select s.id, " + HEADER_COLUMNS + " from submission s where s.id in (:ids)")
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
	 * headers in one go, {@code s} the submission: its own columns only (the partnership and the agency's registered name
	 * are kept on the return, see {@link ReturnsInCycle}).
	 */
	public static final String HEADER_COLUMNS = "s.partnership_id, s.cycle_id, s.agency_id, s.agency_name, s.completed_by_name, s.completed_by_role, s.submitted_at";

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
		List<String> earlier = this.cycles.earlierOfSamePartnership(cycleId); // latest first: the cycle module's to say
		if (earlier.isEmpty()) {
			return java.util.Optional.empty();
		}
		Map<String, Long> returned = new HashMap<>();
		this.jdbc.sql("select cycle_id, id from submission where agency_id = :agency and cycle_id in (:cycles)")
			.param("agency", agencyId)
			.param("cycles", earlier)
			.query((RowCallbackHandler) (rs) -> returned.put(rs.getString(1), rs.getLong(2)));
		return earlier.stream().filter(returned::containsKey).findFirst()
			.map((cycle) -> new EarlierReturn(cycle, facts(returned.get(cycle))));
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

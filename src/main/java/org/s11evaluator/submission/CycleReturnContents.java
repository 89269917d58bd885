package org.s11evaluator.submission;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a cycle's board summary needs of its returns' tables ({@code submission}, {@code item_response},
 * {@code agency_action}): the returns, how they answered each item, and the agencies' own actions. One query each,
 * whatever the number of returns.
 */
@Component
public class CycleReturnContents {

	/** A cycle's current return as the summary lists it: who sent it, when, which version, and its outstanding practice. */
	public record Return(long id, String agencyId, String completedBy, String role, LocalDateTime submittedAt, int version, String contentHash,
			String outstandingPractice, String packId) {
	}

	/** An action an agency set itself in its return, in the return's order ({@code position}). */
	public record AgencyAction(long submissionId, String standardId, String itemId, String action, String lead, LocalDate due, String progress,
			LocalDate completed) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	CycleReturnContents(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The cycle's current returns, ordered by agency id as the database sorts ids (its collation). */
	public List<Return> returns(String cycleId) {
		return this.jdbc.query("""
				select id, agency_id, completed_by_name, completed_by_role, submitted_at, version, content_hash, outstanding_practice, pack_id
				from submission where cycle_id = :cycle order by agency_id""", Map.of("cycle", cycleId),
				(rs, i) -> new Return(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDateTime.class),
						rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
	}

	/**
	 * How the returns given answered each item: item id to answer (the scale's code) to the number of returns. Counted
	 * by the database, a thousand returns a query.
	 */
	public Map<String, Map<String, Integer>> answerCounts(Set<Long> submissionIds) {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		List<Long> ids = submissionIds.stream().sorted().toList();
		for (int from = 0; from < ids.size(); from += StoredReturns.IDS_PER_QUERY) {
			this.jdbc.query("select item_id, rating, count(*) from item_response where submission_id in (:ids) group by item_id, rating",
					Map.of("ids", ids.subList(from, Math.min(from + StoredReturns.IDS_PER_QUERY, ids.size()))), (RowCallbackHandler) (rs) -> counts
						.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>()).merge(rs.getString(2), rs.getInt(3), Integer::sum));
		}
		return counts;
	}

	/** The agencies' own actions in the cycle's returns, by submission id, each return's in its own order. */
	public Map<Long, List<AgencyAction>> agencyActions(String cycleId) {
		Map<Long, List<AgencyAction>> actions = new HashMap<>();
		this.jdbc.query("""
				select x.submission_id, x.standard_id, x.item_id, x.action_text, x.lead_name, x.due_date, x.progress, x.completed_on
				from agency_action x join submission s on s.id = x.submission_id where s.cycle_id = :cycle
				order by x.submission_id, x.position""", Map.of("cycle", cycleId), (RowCallbackHandler) (rs) -> actions
			.computeIfAbsent(rs.getLong(1), (id) -> new java.util.ArrayList<>())
			.add(new AgencyAction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDate.class), rs.getString(7), rs.getObject(8, LocalDate.class))));
		return actions;
	}

}

package org.s11evaluator.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a cycle's board summary needs of the evaluations of the returns given ({@code evaluation}, {@code finding},
 * {@code follow_up_action}), asked by submission id, a thousand a query: no explanation is rebuilt (the summary shows
 * the rules' own reasons and names).
 */
@Component
public class CycleEvaluationSummaries {

	private static final int IDS_PER_QUERY = 1000;

	/** Where a return's evaluation stands, with the RAG of each standard it rated (standard id to RAG name). */
	public record Evaluation(String status, String packVersion, LocalDateTime evaluatedAt, Map<String, String> standards) {
	}

	/** A follow-up action the rules set, with the rule's own reason. */
	public record FollowUp(long submissionId, String standardId, String itemId, String action, String owner, LocalDate due, String reason,
			String rule) {
	}

	/** A finding code as common across returns: how often, in how many returns, one rule and one message for it. */
	public record CommonFinding(String code, int count, int returns, String rule, String example) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	CycleEvaluationSummaries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The evaluation of each return given that has one, by submission id. */
	public Map<Long, Evaluation> evaluations(Collection<Long> submissionIds) {
		Map<Long, Evaluation> evaluations = new HashMap<>();
		forIds(submissionIds, (ids) -> this.jdbc.query(
				"select submission_id, status, pack_version, evaluated_at, ratings from evaluation where submission_id in (:ids)", ids,
				(RowCallbackHandler) (rs) -> {
					Map<String, String> standards = new LinkedHashMap<>();
					if (rs.getString(5) != null) {
						StoredRatings.fromJson(this.json, rs.getString(5), rs.getLong(1)).standards()
							.forEach((s) -> standards.putIfAbsent(s.standardId(), s.rag()));
					}
					evaluations.put(rs.getLong(1), new Evaluation(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class), standards));
				}));
		return evaluations;
	}

	/** The follow-up actions set for the returns given, by submission id and in the order they were stored. */
	public List<FollowUp> followUps(Collection<Long> submissionIds) {
		List<FollowUp> actions = new ArrayList<>();
		forIds(submissionIds, (ids) -> actions.addAll(this.jdbc.query("""
				select submission_id, standard_id, item_id, action_text, owner, due_date, reason, rule_name from follow_up_action
				where submission_id in (:ids) order by submission_id, id""", ids,
				(rs, i) -> new FollowUp(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8)))));
		return actions;
	}

	/**
	 * The most common finding codes over the returns given, most found first (then by code), at most {@code limit}:
	 * one query, however many returns.
	 */
	public List<CommonFinding> commonFindings(Collection<Long> submissionIds, int limit) {
		List<Long> ids = submissionIds.isEmpty() ? List.of(-1L) : List.copyOf(new java.util.LinkedHashSet<>(submissionIds));
		return this.jdbc.query("""
				select code, count(*), count(distinct submission_id), min(rule_name), min(message) from finding
				where submission_id in (:ids) group by code order by count(*) desc, code limit :limit""", Map.of("ids", ids, "limit", limit),
				(rs, i) -> new CommonFinding(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
	}

	private static void forIds(Collection<Long> ids, java.util.function.Consumer<Map<String, Object>> query) {
		List<Long> sorted = ids.stream().distinct().sorted().toList();
		for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
			query.accept(Map.of("ids", sorted.subList(from, Math.min(from + IDS_PER_QUERY, sorted.size()))));
		}
	}

}

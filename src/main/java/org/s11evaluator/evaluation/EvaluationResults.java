package org.s11evaluator.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.submission.StoredReturns;
import org.s11evaluator.submission.StoredSubmissions;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a cycle's stored results, each with its explanation rebuilt as the rule engine gave it: the rule, the
 * reason (from the pack version's dictionary unless the result has its own), and the inputs (rebuilt from the
 * stored return). A handful of queries per cycle, whatever its number of returns.
 */
@Component
public class EvaluationResults {

	/** One item's ({@code itemId} set) or standard's rating, explained. */
	public record Rating(String itemId, String standardId, String rag, String reason, String rule, List<String> inputs) {
	}

	/** A finding, explained. */
	public record FindingResult(String code, String itemId, String standardId, String message, String rule, List<String> inputs) {
	}

	/** A follow-up action, explained. */
	public record FollowUpResult(String itemId, String standardId, String owner, LocalDate due, String action, String reason, String rule,
			List<String> inputs) {
	}

	/** Everything stored as derived from one return. */
	public record ReturnResults(List<Rating> items, List<Rating> standards, List<FindingResult> findings, List<FollowUpResult> followUps) {
	}

	/** Only the ratings of one return: item id to RAG name, standard id to RAG name. */
	public record ReturnRatings(Map<String, String> items, Map<String, String> standards) {
	}

	private static final int IDS_PER_QUERY = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectMapper json;

	private final StoredSubmissions submissions;

	private final StoredReturns returns;

	EvaluationResults(NamedParameterJdbcTemplate jdbc, ObjectMapper json, StoredSubmissions submissions, StoredReturns returns) {
		this.jdbc = jdbc;
		this.returns = returns;
		this.json = json;
		this.submissions = submissions;
	}

	/** The ratings of the cycle's returns that have results, by submission id (no explanations: cheap). */
	public Map<Long, ReturnRatings> ratings(String cycleId) {
		Map<Long, ReturnRatings> ratings = new LinkedHashMap<>();
		forReturnsOf(cycleId, (ids) -> this.jdbc.query("""
				select submission_id, ratings from evaluation
				where submission_id in (:ids) and pack_version is not null order by submission_id""", ids,
				(RowCallbackHandler) (rs) -> {
					ReturnRatings r = new ReturnRatings(new HashMap<>(), new HashMap<>());
					if (rs.getString(2) != null) {
						StoredRatings stored = StoredRatings.fromJson(this.json, rs.getString(2), rs.getLong(1));
						stored.items().forEach((i) -> r.items().put(i.itemId(), i.rag()));
						stored.standards().forEach((s) -> r.standards().put(s.standardId(), s.rag()));
					}
					ratings.put(rs.getLong(1), r);
				}));
		return ratings;
	}

	/** The agency of each of the cycle's returns that have results, by submission id. */
	public Map<Long, String> agencies(String cycleId) {
		Map<Long, String> agencies = new LinkedHashMap<>();
		Map<Long, String> agencyOf = new HashMap<>();
		List<StoredReturns.CycleReturn> returns = this.returns.inCycle(cycleId);
		returns.forEach((r) -> agencyOf.put(r.id(), r.agencyId()));
		forIds(returns.stream().map(StoredReturns.CycleReturn::id).toList(), (ids) -> this.jdbc.query(
				"select submission_id from evaluation where submission_id in (:ids) and pack_version is not null order by submission_id", ids,
				(RowCallbackHandler) (rs) -> agencies.put(rs.getLong(1), agencyOf.get(rs.getLong(1)))));
		return agencies;
	}

	/** A finding as stored, without its explanation: what a comparison of results needs. */
	public record StoredFinding(String code, String itemId, String standardId, String message) {
	}

	/** A follow-up action as stored, without its explanation. */
	public record StoredFollowUp(String itemId, String standardId, LocalDate due, String owner, String action) {
	}

	/** The findings of the cycle's returns, by submission id, each return's in the order they were written. */
	public Map<Long, List<StoredFinding>> findings(String cycleId) {
		Map<Long, List<StoredFinding>> findings = new LinkedHashMap<>();
		forReturnsOf(cycleId, (ids) -> this.jdbc.query(
				"select submission_id, code, item_id, standard_id, message from finding where submission_id in (:ids) order by submission_id, id", ids,
				(RowCallbackHandler) (rs) -> findings.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new StoredFinding(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))));
		return findings;
	}

	/** The follow-up actions of the cycle's returns, by submission id, each return's in the order they were written. */
	public Map<Long, List<StoredFollowUp>> followUps(String cycleId) {
		Map<Long, List<StoredFollowUp>> followUps = new LinkedHashMap<>();
		forReturnsOf(cycleId, (ids) -> this.jdbc.query("""
				select submission_id, item_id, standard_id, due_date, owner, action_text from follow_up_action
				where submission_id in (:ids) order by submission_id, id""", ids,
				(RowCallbackHandler) (rs) -> followUps.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(new StoredFollowUp(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)))));
		return followUps;
	}

	/** Every result of the cycle's returns, explained, by submission id. */
	public Map<Long, ReturnResults> explained(String cycleId) {
		record Stored(long id, String packVersion, StoredRatings ratings) {
		}
		List<Stored> evaluations = new ArrayList<>();
		Map<Long, List<String[]>> findings = new HashMap<>();
		Map<Long, List<String[]>> followUps = new HashMap<>();
		forReturnsOf(cycleId, (ids) -> {
			evaluations.addAll(this.jdbc.query("""
					select submission_id, pack_version, ratings from evaluation where submission_id in (:ids) order by submission_id""", ids,
					(rs, i) -> new Stored(rs.getLong(1), rs.getString(2), (rs.getString(3) != null)
							? StoredRatings.fromJson(this.json, rs.getString(3), rs.getLong(1)) : new StoredRatings(List.of(), List.of()))));
			findings.putAll(rows("""
					select f.submission_id, f.code, f.item_id, f.standard_id, f.message, f.rule_name, f.inputs
					from finding f where f.submission_id in (:ids) order by f.submission_id, f.code, f.id""", ids, 6));
			followUps.putAll(rows("""
					select a.submission_id, a.item_id, a.standard_id, a.owner, a.due_date, a.action_text, a.reason, a.rule_name, a.inputs
					from follow_up_action a where a.submission_id in (:ids)
					order by a.submission_id, a.item_id, a.id""", ids, 8));
		});
		ResultDictionary dictionary = new ResultDictionary(this.jdbc, false);
		dictionary.load(evaluations.stream().map(Stored::packVersion).toList());
		Map<Long, SubmissionFacts> facts = this.submissions.facts(evaluations.stream().map(Stored::id).toList());
		Map<Long, ReturnResults> results = new LinkedHashMap<>();
		for (Stored e : evaluations) {
			InputReferences references = new InputReferences(facts.get(e.id()), e.ratings().items(), e.ratings().standards(),
					dictionary.policyValues(e.packVersion()));
			List<Rating> items = e.ratings().items().stream().map((r) -> explain(r, e.packVersion(), dictionary, references)).toList();
			List<Rating> standards = e.ratings().standards().stream().map((r) -> explain(r, e.packVersion(), dictionary, references)).toList();
			List<FindingResult> found = findings.getOrDefault(e.id(), List.of()).stream()
				.map((f) -> new FindingResult(f[0], f[1], f[2], f[3], f[4], references.decode(this.json, f[5])))
				.toList();
			List<FollowUpResult> actions = followUps.getOrDefault(e.id(), List.of()).stream()
				.map((a) -> new FollowUpResult(a[0], a[1], a[2], (a[3] != null) ? LocalDate.parse(a[3]) : null, a[4], a[5], a[6],
						references.decode(this.json, a[7])))
				.toList();
			results.put(e.id(), new ReturnResults(items, standards, found, actions));
		}
		return results;
	}

	private static Rating explain(StoredRatings.Rating r, String packVersion, ResultDictionary dictionary, InputReferences references) {
		String reason = (r.reason() != null) ? r.reason() : dictionary.reason(packVersion, r.rule(), r.rag());
		return new Rating(r.itemId(), r.standardId(), r.rag(), reason, r.rule(), references.decode(r.inputs()));
	}

	private Map<Long, List<String[]>> rows(String sql, Map<String, Object> parameters, int columns) {
		Map<Long, List<String[]>> rows = new HashMap<>();
		this.jdbc.query(sql, parameters, (RowCallbackHandler) (rs) -> {
			String[] row = new String[columns];
			for (int c = 0; c < columns; c++) {
				row[c] = rs.getString(c + 2);
			}
			rows.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(row);
		});
		return rows;
	}

	/**
	 * Runs a query for the cycle's returns (asked of the submission module), a thousand ids at a time in ascending
	 * order, so that results ordered by submission id within each query stay ordered over all of them.
	 */
	private void forReturnsOf(String cycleId, java.util.function.Consumer<Map<String, Object>> query) {
		forIds(this.returns.inCycle(cycleId).stream().map(StoredReturns.CycleReturn::id).toList(), query);
	}

	private static void forIds(List<Long> ids, java.util.function.Consumer<Map<String, Object>> query) {
		List<Long> sorted = ids.stream().sorted().toList();
		for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
			query.accept(Map.of("ids", sorted.subList(from, Math.min(from + IDS_PER_QUERY, sorted.size()))));
		}
	}

	/** Where a return's evaluation stands: EVALUATED or FAILED, by which pack version, when, and why it failed. */
	public record EvaluationStatus(String status, String packVersion, java.time.LocalDateTime evaluatedAt, String failure) {
	}

	/** The evaluation status of each of the cycle's returns that has one, by submission id. */
	public Map<Long, EvaluationStatus> statuses(String cycleId) {
		Map<Long, EvaluationStatus> statuses = new HashMap<>();
		forReturnsOf(cycleId, (ids) -> this.jdbc.query(
				"select submission_id, status, pack_version, evaluated_at, failure from evaluation where submission_id in (:ids)", ids,
				(RowCallbackHandler) (rs) -> statuses.put(rs.getLong(1), new EvaluationStatus(rs.getString(2), rs.getString(3),
						rs.getObject(4, java.time.LocalDateTime.class), rs.getString(5)))));
		return statuses;
	}

}

package org.s11evaluator.evaluation;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.StandardRating;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Replaces each submission's earlier results with the new ones, in the chunk's transaction: a re-run or a
 * restart never leaves duplicates, and a crash leaves either the old results or the new, never a mix.
 */
class EvaluationResultWriter implements ItemWriter<EvaluatedSubmission> {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvaluationResultWriter.class);

	private static final List<String> RESULT_TABLES = List.of("item_rating", "standard_rating", "finding", "follow_up_action");

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final ObjectMapper json;

	private final Long jobExecutionId;

	EvaluationResultWriter(JdbcTemplate jdbc, ObjectMapper json, Long jobExecutionId) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.json = json;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public void write(Chunk<? extends EvaluatedSubmission> chunk) {
		if (chunk.isEmpty()) {
			return; // every return of the chunk was skipped
		}
		Map<Long, Boolean> hadResults = new java.util.HashMap<>();
		List<EvaluatedSubmission> current = stillCurrent(chunk.getItems(), hadResults);
		if (current.isEmpty()) {
			return;
		}
		List<Long> ids = current.stream().map((e) -> e.submission().id()).filter(hadResults::get).toList();
		if (!ids.isEmpty()) { // a return evaluated before: its earlier results go (new returns have none to delete)
			for (String table : RESULT_TABLES) {
				this.named.update("delete from " + table + " where submission_id in (:ids)", Map.of("ids", ids));
			}
		}
		List<Object[]> itemRatings = new ArrayList<>();
		List<Object[]> standardRatings = new ArrayList<>();
		List<Object[]> findings = new ArrayList<>();
		List<Object[]> followUps = new ArrayList<>();
		List<Object[]> evaluations = new ArrayList<>();
		for (EvaluatedSubmission evaluated : current) {
			long id = evaluated.submission().id();
			String version = evaluated.outcome().packVersion();
			LocalDateTime at = LocalDateTime.ofInstant(evaluated.evaluatedAt(), ZoneOffset.UTC);
			for (Derived<ItemRating> d : evaluated.outcome().itemRatings()) {
				ItemRating r = d.outcome();
				itemRatings.add(new Object[] { id, r.itemId(), r.standardId(), r.rag().name(), r.reason(), d.rule(), inputs(d), version, at });
			}
			for (Derived<StandardRating> d : evaluated.outcome().standardRatings()) {
				StandardRating r = d.outcome();
				standardRatings.add(new Object[] { id, r.standardId(), r.rag().name(), r.reason(), d.rule(), inputs(d), version, at });
			}
			for (Derived<Finding> d : evaluated.outcome().findings()) {
				Finding f = d.outcome();
				findings.add(new Object[] { id, f.code(), f.itemId(), f.standardId(), f.message(), d.rule(), inputs(d), version, at });
			}
			for (Derived<FollowUpAction> d : evaluated.outcome().followUpActions()) {
				FollowUpAction a = d.outcome();
				followUps.add(new Object[] { id, a.itemId(), a.standardId(), a.owner(), a.due(), a.action(), a.reason(), d.rule(), inputs(d), version, at });
			}
			evaluations.add(new Object[] { id, evaluated.submission().version(), evaluated.outcome().packId(), version, at, this.jobExecutionId });
		}
		this.jdbc.batchUpdate("""
				insert into item_rating (submission_id, item_id, standard_id, rag, reason, rule_name, inputs, pack_version, evaluated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", itemRatings);
		this.jdbc.batchUpdate("""
				insert into standard_rating (submission_id, standard_id, rag, reason, rule_name, inputs, pack_version, evaluated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", standardRatings);
		this.jdbc.batchUpdate("""
				insert into finding (submission_id, code, item_id, standard_id, message, rule_name, inputs, pack_version, evaluated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", findings);
		this.jdbc.batchUpdate("""
				insert into follow_up_action (submission_id, item_id, standard_id, owner, due_date, action_text, reason, rule_name,
				  inputs, pack_version, evaluated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", followUps);
		this.jdbc.batchUpdate("""
				insert into evaluation (submission_id, status, submission_version, pack_id, pack_version, evaluated_at, job_execution_id)
				values (?, 'EVALUATED', ?, ?, ?, ?, ?)
				on duplicate key update status = 'EVALUATED', submission_version = values(submission_version),
				  pack_id = values(pack_id), pack_version = values(pack_version), evaluated_at = values(evaluated_at),
				  job_execution_id = values(job_execution_id), failure = null, failed_at = null""",
				evaluations);
	}


	/**
	 * Locks the submissions' rows and keeps only those still at the version that was evaluated: a return
	 * corrected while the run evaluated it must not get the earlier version's results (it is evaluated again).
	 * Notes which of them have an evaluation already (so have results to replace).
	 */
	private List<EvaluatedSubmission> stillCurrent(List<? extends EvaluatedSubmission> items, Map<Long, Boolean> hadResults) {
		Map<Long, Integer> versions = new java.util.HashMap<>();
		this.named.query("""
				select s.id, s.version, exists (select 1 from evaluation e where e.submission_id = s.id)
				from submission s where s.id in (:ids) for update""",
				Map.of("ids", items.stream().map((e) -> e.submission().id()).toList()),
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> {
					versions.put(rs.getLong(1), rs.getInt(2));
					hadResults.put(rs.getLong(1), rs.getBoolean(3));
				});
		List<EvaluatedSubmission> current = new ArrayList<>();
		for (EvaluatedSubmission evaluated : items) {
			Integer version = versions.get(evaluated.submission().id());
			if (version != null && version == evaluated.submission().version()) {
				current.add(evaluated);
			}
			else {
				log.info("Submission {} changed while it was being evaluated (version {} is now {}); its results are not written and it "
						+ "will be evaluated again", evaluated.submission().id(), evaluated.submission().version(), version);
			}
		}
		return current;
	}

	private String inputs(Derived<?> derived) {
		try {
			return this.json.writeValueAsString(derived.inputs());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

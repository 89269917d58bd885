package org.s11evaluator.evaluation;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.PolicyValues;
import org.s11evaluator.rules.facts.StandardRating;
import org.s11evaluator.submission.StoredReturns;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Replaces each submission's earlier results with the new ones, in the chunk's transaction: a re-run or a
 * restart never leaves duplicates, and a crash leaves either the old results or the new, never a mix.
 * <p>
 * What is derived is written once: the return's evaluation row carries the pack version, the time and every
 * item and standard rating ({@link StoredRatings}); findings and follow-up actions, which queries need, get a
 * row each. Reasons fixed per pack version and rule go to the {@link ResultDictionary}, and inputs are stored as
 * references into the stored return ({@link InputReferences}). Each kind of row is one JDBC batch per chunk.
 */
class EvaluationResultWriter implements ItemWriter<EvaluatedSubmission> {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvaluationResultWriter.class);

	/** The rows a return has besides its evaluation row, which carries its ratings. */
	private static final List<String> RESULT_TABLES = List.of("finding", "follow_up_action");

	private static final String POLICY_VALUES = new PolicyValues(Map.of()).summary().replace("{}", "{");

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final ObjectMapper json;

	private final Long jobExecutionId;

	private final ResultDictionary dictionary;

	EvaluationResultWriter(JdbcTemplate jdbc, ObjectMapper json, Long jobExecutionId) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.json = json;
		this.jobExecutionId = jobExecutionId;
		this.dictionary = new ResultDictionary(this.named, true);
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
		List<Encoded> encoded = encode(current);
		List<Object[]> findings = new ArrayList<>();
		List<Object[]> followUps = new ArrayList<>();
		List<Object[]> evaluations = new ArrayList<>();
		for (Encoded e : encoded) {
			EvaluatedSubmission evaluated = e.evaluated();
			long id = evaluated.submission().id();
			for (Derived<Finding> d : evaluated.outcome().findings()) {
				Finding f = d.outcome();
				findings.add(new Object[] { id, f.code(), f.itemId(), f.standardId(), f.message(), d.rule(), inputs(e.references(), d) });
			}
			for (Derived<FollowUpAction> d : evaluated.outcome().followUpActions()) {
				FollowUpAction a = d.outcome();
				followUps.add(new Object[] { id, a.itemId(), a.standardId(), a.owner(), a.due(), a.action(), a.reason(), d.rule(),
						inputs(e.references(), d) });
			}
			evaluations.add(new Object[] { id, evaluated.submission().cycleId(), evaluated.submission().version(), evaluated.outcome().packId(), evaluated.outcome().packVersion(),
					LocalDateTime.ofInstant(evaluated.evaluatedAt(), ZoneOffset.UTC), this.jobExecutionId, e.ratings().toJson(this.json) });
		}
		this.jdbc.batchUpdate("""
				insert into finding (submission_id, code, item_id, standard_id, message, rule_name, inputs) values (?, ?, ?, ?, ?, ?, ?)""",
				findings);
		this.jdbc.batchUpdate("""
				insert into follow_up_action (submission_id, item_id, standard_id, owner, due_date, action_text, reason, rule_name, inputs)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", followUps);
		this.jdbc.batchUpdate("""
				insert into evaluation (submission_id, cycle_id, status, submission_version, pack_id, pack_version, evaluated_at, job_execution_id,
				  ratings)
				values (?, ?, 'EVALUATED', ?, ?, ?, ?, ?, ?)
				on duplicate key update cycle_id = values(cycle_id), status = 'EVALUATED', submission_version = values(submission_version),
				  pack_id = values(pack_id), pack_version = values(pack_version), evaluated_at = values(evaluated_at),
				  job_execution_id = values(job_execution_id), failure = null, failed_at = null, ratings = values(ratings)""",
				evaluations);
		// what the returns hold of their evaluation, in this chunk's transaction (the submission module's table, its statement)
		StoredReturns.recordEvaluated(this.jdbc, current.stream()
			.map((e) -> new StoredReturns.Evaluated(e.submission().id(), e.submission().version(), e.outcome().packVersion()))
			.toList());
	}

	/** A return's ratings in their stored form, and what its inputs may refer to. */
	private record Encoded(EvaluatedSubmission evaluated, StoredRatings ratings, InputReferences references) {
	}

	/**
	 * Puts the chunk's new fixed texts (reasons, policy values) in the dictionary first, so each rating keeps
	 * its own reason only where it differs from the dictionary's, and each input is a reference where one will do.
	 */
	private List<Encoded> encode(List<EvaluatedSubmission> current) {
		this.dictionary.load(current.stream().map((e) -> e.outcome().packVersion()).toList());
		List<ResultDictionary.Reason> reasons = new ArrayList<>();
		Map<String, String> values = new java.util.HashMap<>();
		for (EvaluatedSubmission evaluated : current) {
			String version = evaluated.outcome().packVersion();
			evaluated.outcome().itemRatings().forEach((d) -> reasons.add(new ResultDictionary.Reason(version, d.rule(), d.outcome().rag().name(),
					d.outcome().reason())));
			evaluated.outcome().standardRatings().forEach((d) -> reasons.add(new ResultDictionary.Reason(version, d.rule(),
					d.outcome().rag().name(), d.outcome().reason())));
			if (this.dictionary.policyValues(version) == null && !values.containsKey(version)) {
				// the pack version's policy values as the rules saw them, once: looked for only while the dictionary lacks them
				evaluated.outcome().outcomes().stream().flatMap((d) -> d.inputs().stream()).filter((i) -> i.startsWith(POLICY_VALUES)).findFirst()
					.ifPresent((text) -> values.put(version, text));
			}
		}
		this.dictionary.offer(reasons, values);
		List<Encoded> encoded = new ArrayList<>(current.size());
		for (EvaluatedSubmission evaluated : current) {
			String version = evaluated.outcome().packVersion();
			List<StoredRatings.Rating> items = new ArrayList<>();
			for (Derived<ItemRating> d : evaluated.outcome().itemRatings()) {
				ItemRating r = d.outcome();
				items.add(new StoredRatings.Rating(r.itemId(), r.standardId(), r.rag().name(), d.rule(), ownReason(version, d.rule(), r.rag().name(),
						r.reason()), List.of()));
			}
			List<StoredRatings.Rating> standards = new ArrayList<>();
			for (Derived<StandardRating> d : evaluated.outcome().standardRatings()) {
				StandardRating r = d.outcome();
				standards.add(new StoredRatings.Rating(null, r.standardId(), r.rag().name(), d.rule(), ownReason(version, d.rule(),
						r.rag().name(), r.reason()), List.of()));
			}
			InputReferences references = new InputReferences(evaluated.submission().facts(), items, standards,
					this.dictionary.policyValues(version));
			List<Derived<ItemRating>> itemDerived = evaluated.outcome().itemRatings();
			for (int i = 0; i < items.size(); i++) {
				StoredRatings.Rating r = items.get(i);
				items.set(i, new StoredRatings.Rating(r.itemId(), r.standardId(), r.rag(), r.rule(), r.reason(),
						references.encode(itemDerived.get(i).inputs())));
			}
			List<Derived<StandardRating>> standardDerived = evaluated.outcome().standardRatings();
			for (int i = 0; i < standards.size(); i++) {
				StoredRatings.Rating r = standards.get(i);
				standards.set(i, new StoredRatings.Rating(null, r.standardId(), r.rag(), r.rule(), r.reason(),
						references.encode(standardDerived.get(i).inputs())));
			}
			encoded.add(new Encoded(evaluated, new StoredRatings(items, standards), references));
		}
		return encoded;
	}

	/** Null when the dictionary holds this very reason; the reason itself otherwise. */
	private String ownReason(String version, String rule, String rag, String reason) {
		return reason.equals(this.dictionary.reason(version, rule, rag)) ? null : reason;
	}

	/**
	 * Locks the submissions' rows and keeps only those still at the version that was evaluated: a return
	 * corrected while the run evaluated it must not get the earlier version's results (it is evaluated again).
	 * Notes which of them have an evaluation already (so have results to replace).
	 */
	private List<EvaluatedSubmission> stillCurrent(List<? extends EvaluatedSubmission> items, Map<Long, Boolean> hadResults) {
		List<Long> ids = items.stream().map((e) -> e.submission().id()).toList();
		// the submission module takes the rows' locks on this writer's connection, in the chunk's transaction
		Map<Long, Integer> versions = StoredReturns.lockCurrentVersions(this.jdbc, ids);
		versions.keySet().forEach((id) -> hadResults.put(id, false));
		if (!versions.isEmpty()) {
			// after the lock, in the same transaction: a plain read, as the exists () inside the locking select it replaces was
			this.named.query("select submission_id from evaluation where submission_id in (:ids)", Map.of("ids", List.copyOf(versions.keySet())),
					(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> hadResults.put(rs.getLong(1), true));
		}
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

	private String inputs(InputReferences references, Derived<?> derived) {
		return InputReferences.toJson(this.json, references.encode(derived.inputs()));
	}

}

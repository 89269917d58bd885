package org.s11evaluator.partnershiprating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.facts.PartnershipRating;
import org.s11evaluator.rules.facts.RatingTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Rates a whole cycle for the partnership: counts how the evaluated returns rated every item and standard,
 * lets the pack's threshold rules decide, and stores each rating with its counts, rule and pack version.
 */
@Service
public class PartnershipRatings {

	private final JdbcTemplate jdbc;

	private final CycleManagement cycles;

	private final PublishedPacks packs;

	private final RuleEngine engine;

	private final ObjectMapper json;

	private final TransactionTemplate transaction;

	private final EvaluationResults results;

	private final Clock clock;

	PartnershipRatings(JdbcTemplate jdbc, CycleManagement cycles, PublishedPacks packs, RuleEngine engine, ObjectMapper json,
			TransactionTemplate transaction, EvaluationResults results, Clock clock) {
		this.results = results;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transaction.getTransactionManager());
		this.transaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.packs = packs;
		this.engine = engine;
		this.json = json;
	}

	/**
	 * Rates the cycle and replaces its stored partnership ratings in one transaction. A broken pack throws
	 * {@link org.s11evaluator.rules.RulePackException} before anything is written, so the last ratings stay.
	 */
	public EvaluationOutcome rate(String cycleId) {
		Cycle cycle = this.cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		RulePackCompiler.CompiledPack pack = this.packs.usable(cycle.packId());
		List<RatingTally> tallies = tallies(cycleId, pack.pack().framework());
		EvaluationOutcome outcome = this.engine.ratePartnership(pack, tallies);
		Map<String, RatingTally> byScope = new HashMap<>();
		tallies.forEach((t) -> byScope.put(scope(t.standardId(), t.itemId()), t));
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>();
		for (Derived<PartnershipRating> derived : outcome.partnershipRatings()) {
			PartnershipRating rating = derived.outcome();
			RatingTally t = byScope.get(scope(rating.standardId(), rating.itemId()));
			rows.add(new Object[] { cycleId, rating.standardId(), (rating.itemId() != null) ? rating.itemId() : "", t.green(), t.amber(),
					t.red(), t.notApplicable(), t.notAnswered(), rating.rag().name(), rating.reason(), derived.rule(),
					toJson(derived.inputs()), pack.pack().version(), now, derived.policy() });
		}
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("delete from partnership_rating where cycle_id = ?", cycleId);
			this.jdbc.batchUpdate("""
					insert into partnership_rating (cycle_id, standard_id, item_id, green, amber, red, not_applicable, not_answered,
					  rag, reason, rule_name, inputs, pack_version, rated_at, policy)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		});
		return outcome;
	}

	/** One tally per item and per standard, over the cycle's returns that have results. */
	public List<RatingTally> tallies(String cycleId, Framework framework) {
		List<RatingTallies.ReturnRatings> returns = this.results.ratings(cycleId).values().stream()
			.map((r) -> new RatingTallies.ReturnRatings(r.items(), r.standards()))
			.toList();
		return RatingTallies.of(framework, returns);
	}

	private static String scope(String standardId, String itemId) {
		return standardId + "/" + ((itemId != null) ? itemId : "");
	}

	private String toJson(List<String> inputs) {
		try {
			return this.json.writeValueAsString(inputs);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

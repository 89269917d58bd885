package org.s11evaluator.evaluation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleGroup;
import org.s11evaluator.cycle.CycleGroups;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.PublishedPacks;
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

	private final CycleGroups groups;

	PartnershipRatings(JdbcTemplate jdbc, CycleManagement cycles, PublishedPacks packs, RuleEngine engine, ObjectMapper json,
			TransactionTemplate transaction, EvaluationResults results, CycleGroups groups) {
		this.results = results;
		this.groups = groups;
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
	 * A cycle with groups ({@link CycleGroups}) is rated per group, each by its own pack over its own agencies'
	 * returns: per template (never combined into one rating), or per partnership plus the whole cycle (group '').
	 * Returns the whole cycle's outcome, or the first group's when the cycle is rated per template only.
	 */
	public EvaluationOutcome rate(String cycleId) {
		Cycle cycle = this.cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		List<CycleGroup> groups = this.groups.of(cycleId);
		Map<Long, String[]> returns = new HashMap<>();
		this.jdbc.query("select s.id, s.agency_id, " + CycleGroups.SUBMISSION_PACK + " from submission s join audit_cycle c on c.id = s.cycle_id"
				+ " where s.cycle_id = ?", (rs) -> {
					returns.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
				}, cycleId);
		record Scope(String groupId, String packId, java.util.function.Predicate<String[]> includes) {
		}
		List<Scope> scopes = new ArrayList<>();
		boolean byTemplate = groups.stream().anyMatch(CycleGroup::isTemplate);
		if (!byTemplate) {
			scopes.add(new Scope("", cycle.packId(), (r) -> true));
		}
		for (CycleGroup group : groups) {
			scopes.add(group.isTemplate() ? new Scope(group.id(), group.packId(), (r) -> group.packId().equals(r[1]))
					: new Scope(group.id(), group.packId(), (r) -> group.agencyIds().contains(r[0])));
		}
		Map<String, RulePackCompiler.CompiledPack> packsByScope = new HashMap<>();
		for (Scope scope : scopes) {
			// every pack first: a broken one stops the rating before anything is written
			packsByScope.put(scope.groupId(), this.packs.usable(scope.packId()));
		}
		Map<Long, EvaluationResults.ReturnRatings> all = this.results.ratings(cycleId);
		LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>();
		EvaluationOutcome first = null;
		for (Scope scope : scopes) {
			RulePackCompiler.CompiledPack pack = packsByScope.get(scope.groupId());
			List<RatingTallies.ReturnRatings> rated = all.entrySet().stream()
				.filter((e) -> returns.containsKey(e.getKey()) && scope.includes().test(returns.get(e.getKey())))
				.map((e) -> new RatingTallies.ReturnRatings(e.getValue().items(), e.getValue().standards()))
				.toList();
			List<RatingTally> tallies = RatingTallies.of(pack.pack().framework(), rated);
			EvaluationOutcome outcome = this.engine.ratePartnership(pack, tallies);
			first = (first != null) ? first : outcome;
			Map<String, RatingTally> byScope = new HashMap<>();
			tallies.forEach((t) -> byScope.put(scope(t.standardId(), t.itemId()), t));
			for (Derived<PartnershipRating> derived : outcome.partnershipRatings()) {
				PartnershipRating rating = derived.outcome();
				RatingTally t = byScope.get(scope(rating.standardId(), rating.itemId()));
				rows.add(new Object[] { cycleId, scope.groupId(), rating.standardId(), (rating.itemId() != null) ? rating.itemId() : "", t.green(),
						t.amber(), t.red(), t.notApplicable(), t.notAnswered(), rating.rag().name(), rating.reason(), derived.rule(),
						toJson(derived.inputs()), pack.pack().version(), now, derived.policy() });
			}
		}
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("delete from partnership_rating where cycle_id = ?", cycleId);
			this.jdbc.batchUpdate("""
					insert into partnership_rating (cycle_id, group_id, standard_id, item_id, green, amber, red, not_applicable, not_answered,
					  rag, reason, rule_name, inputs, pack_version, rated_at, policy)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		});
		return first;
	}

	/** One tally per item and per standard, over the cycle's returns that have results. */
	List<RatingTally> tallies(String cycleId, Framework framework) {
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

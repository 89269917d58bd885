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
import org.s11evaluator.cycle.CycleGroup;
import org.s11evaluator.cycle.CycleGroups;
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

	private final CycleGroups groups;

	private final org.springframework.beans.factory.ObjectProvider<RatingModeration> moderation;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.s11evaluator.submission.StoredReturns returns;

	PartnershipRatings(JdbcTemplate jdbc, CycleManagement cycles, PublishedPacks packs, RuleEngine engine, ObjectMapper json,
			TransactionTemplate transaction, EvaluationResults results, CycleGroups groups, Clock clock,
			org.springframework.beans.factory.ObjectProvider<RatingModeration> moderation,
			org.springframework.context.ApplicationEventPublisher events, org.s11evaluator.submission.StoredReturns returns) {
		this.returns = returns;
		this.results = results;
		this.clock = clock;
		this.groups = groups;
		this.moderation = moderation;
		this.events = events;
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
		// each return's agency and the pack (template) it is judged by, as the submission module keeps them
		this.returns.judgedInCycle(cycleId).forEach((r) -> returns.put(r.id(), new String[] { r.agencyId(), r.packId() }));
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
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>();
		EvaluationOutcome first = null;
		// a pack's moderated ratings are rated once, however many groups (a partnership and the whole cycle) share it
		Map<String, Map<Long, EvaluationResults.ReturnRatings>> moderatedByPack = new HashMap<>();
		for (Scope scope : scopes) {
			RulePackCompiler.CompiledPack pack = packsByScope.get(scope.groupId());
			Map<Long, EvaluationResults.ReturnRatings> inScope = new java.util.LinkedHashMap<>();
			all.forEach((id, own) -> {
				if (returns.containsKey(id) && scope.includes().test(returns.get(id))) {
					inScope.put(id, own);
				}
			});
			// moderated ratings in place of the agency's own, where the pack's rules say the partnership rating counts them
			Map<Long, EvaluationResults.ReturnRatings> moderated = !usesModerated(pack) ? Map.of()
					: moderatedByPack.computeIfAbsent(scope.packId(), (id) -> this.moderation.stream()
						.map((m) -> m.moderated(cycleId, pack)).findFirst().orElse(Map.of()));
			int moderatedInScope = 0;
			for (Map.Entry<Long, EvaluationResults.ReturnRatings> m : moderated.entrySet()) {
				if (inScope.containsKey(m.getKey())) {
					inScope.put(m.getKey(), m.getValue());
					moderatedInScope++;
				}
			}
			String counting = counting(pack, moderatedInScope);
			List<RatingTallies.ReturnRatings> rated = inScope.values().stream()
				.map((r) -> new RatingTallies.ReturnRatings(r.items(), r.standards()))
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
						toJson(withCounting(derived.inputs(), counting)), pack.pack().version(), now, derived.policy() });
			}
		}
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("delete from partnership_rating where cycle_id = ?", cycleId);
			this.jdbc.batchUpdate("""
					insert into partnership_rating (cycle_id, group_id, standard_id, item_id, green, amber, red, not_applicable, not_answered,
					  rag, reason, rule_name, inputs, pack_version, rated_at, policy)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		});
		this.events.publishEvent(new CycleRated(cycleId));
		return first;
	}

	/**
	 * Whether the pack's policy counts moderated ratings where recorded ({@code partnership-rating.uses: moderated}, the
	 * baseline's default) or always the agency's own ({@code self}).
	 */
	static boolean usesModerated(RulePackCompiler.CompiledPack pack) {
		return RatingModeration.countsModerated(pack.pack());
	}

	/** What the partnership-wide rating counted, in words, for the explanation of each rating (none when nothing is moderated). */
	private static String counting(RulePackCompiler.CompiledPack pack, int moderatedReturns) {
		if (!usesModerated(pack)) {
			return "Counts each agency's own rating (the pack's policy: self-ratings, not moderated ones).";
		}
		return (moderatedReturns == 0) ? null : "Counts the moderated rating where one is recorded (the pack's policy), for "
				+ moderatedReturns + ((moderatedReturns == 1) ? " agency" : " agencies") + "; each other agency's own rating.";
	}

	private static List<String> withCounting(List<String> inputs, String counting) {
		if (counting == null) {
			return inputs;
		}
		List<String> all = new ArrayList<>(inputs);
		all.add(counting);
		return all;
	}

	/** One tally per item and per standard, over the cycle's returns that have results. */
	public List<RatingTally> tallies(String cycleId, Framework framework) {
		List<RatingTallies.ReturnRatings> returns = this.results.ratings(cycleId).values().stream()
			.map((r) -> new RatingTallies.ReturnRatings(r.items(), r.standards()))
			.toList();
		return RatingTallies.of(framework, returns);
	}

	/** The pack versions the cycle's stored partnership ratings were made by (none when it has not been rated). */
	public List<String> ratedByVersions(String cycleId) {
		return this.jdbc.queryForList("select distinct pack_version from partnership_rating where cycle_id = ?", String.class, cycleId);
	}

	/** One stored whole-cycle rating: its item (empty for a standard's, as stored), its standard and its RAG. */
	public record StoredRating(String itemId, String standardId, String rag) {
	}

	/** The cycle's stored whole-cycle (group '') partnership ratings. */
	public List<StoredRating> wholeCycle(String cycleId) {
		return this.jdbc.query("select item_id, standard_id, rag from partnership_rating where cycle_id = ? and group_id = ''",
				(rs, i) -> new StoredRating(rs.getString(1), rs.getString(2), rs.getString(3)), cycleId);
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

package org.s11evaluator.moderation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleClosure;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.partnershiprating.RatingModeration;
import org.s11evaluator.rules.DidYouMean;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.StandardRating;
import org.s11evaluator.submission.StoredSubmissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records moderated ratings and gives them to the partnership-wide rating: an agency's return with its moderated items
 * in place of its own ratings, rated again by the pack's own rules, so that a moderated item moves its standard as the
 * pack's roll-up says.
 */
@Service
public class ModerationManagement implements RatingModeration {

	private final ModeratedRatings ratings;

	private final CycleManagement cycles;

	private final PublishedPacks packs;

	private final EvaluationResults results;

	private final StoredSubmissions submissions;

	private final RuleEngine engine;

	private final AuditTrail audit;

	private final Clock clock;

	ModerationManagement(ModeratedRatings ratings, CycleManagement cycles, PublishedPacks packs, EvaluationResults results,
			StoredSubmissions submissions, RuleEngine engine, AuditTrail audit, Clock clock) {
		this.ratings = ratings;
		this.cycles = cycles;
		this.packs = packs;
		this.results = results;
		this.submissions = submissions;
		this.engine = engine;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a panel agreed for one item of one agency's return. */
	public record Moderation(String cycleId, String agencyId, String itemId, String rating, String agreedBy, String reason, LocalDate on) {
	}

	/**
	 * Records a moderated rating, checked against the cycle (open), the agency (an evaluated return in it), the pack's
	 * framework (the item) and its scale (the rating), and puts it on the cycle's audit trail.
	 */
	@Transactional
	public ModeratedRating record(Moderation m) {
		Cycle cycle = this.cycles.find(m.cycleId()).orElseThrow(() -> new ModerationException("There is no audit cycle '" + m.cycleId() + "'."));
		this.cycles.closure(cycle.id()).filter(CycleClosure::isClosed).ifPresent((closed) -> {
			throw new ModerationException("Cycle " + cycle.id() + " is closed (edition " + closed.latestEdition() + " published): its ratings "
					+ "are final and no moderated rating can be recorded; " + CycleClosure.howToReopen(cycle.id()));
		});
		Framework framework = this.packs.usable(cycle.packId()).pack().framework();
		List<String> agencies = List.copyOf(this.results.agencies(cycle.id()).values());
		if (!agencies.contains(m.agencyId())) {
			throw new ModerationException("Agency '" + m.agencyId() + "' has no evaluated return in cycle " + cycle.id() + "; a moderated "
					+ "rating is recorded against a return." + hint(m.agencyId(), agencies));
		}
		if (!framework.itemsById().containsKey(m.itemId())) {
			throw new ModerationException("Item '" + m.itemId() + "' is not in the " + framework.partnership().name() + " framework."
					+ hint(m.itemId(), List.copyOf(framework.itemsById().keySet())));
		}
		String rating = m.rating().strip();
		if (framework.scale().level(rating).isEmpty()) {
			throw new ModerationException("'" + rating + "' is not a rating of the " + framework.scale().name() + " scale (its ratings: "
					+ String.join(", ", framework.scale().codes()) + ")." + hint(rating, framework.scale().codes()));
		}
		if (m.agreedBy() == null || m.agreedBy().isBlank()) {
			throw new ModerationException("Say who agreed the moderated rating (--agreed-by=\"...\": the panel or the people).");
		}
		if (m.reason() == null || m.reason().isBlank()) {
			throw new ModerationException("Say why the rating was moderated (--reason=\"...\").");
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate on = (m.on() != null) ? m.on() : today;
		if (on.isAfter(today)) {
			throw new ModerationException("The moderation is dated " + on + ", after today (" + today + ").");
		}
		ModeratedRating recorded = new ModeratedRating(cycle.id(), m.agencyId(), m.itemId(), rating, m.agreedBy().strip(), on,
				m.reason().strip(), LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), this.audit.operator());
		this.ratings.add(recorded);
		this.audit.record(cycle.id(), AuditAction.RATING_MODERATED, "agency " + m.agencyId() + ", item " + m.itemId(),
				"moderated to " + framework.scale().level(rating).get().label() + " on " + on + ", agreed by " + recorded.agreedBy(), recorded.reason());
		return recorded;
	}

	/** The moderated ratings in force in a cycle (the latest per agency and item). */
	public List<ModeratedRating> current(String cycleId) {
		return this.ratings.current(cycleId);
	}

	/**
	 * A moderated rating in force beside the agency's own rating of the item (its scale code as its return gave it;
	 * null where the agency left the item unanswered).
	 */
	public record SideBySide(ModeratedRating moderated, String ownRating) {
	}

	/** The moderated ratings in force in a cycle, each beside the agency's own rating of the item. */
	public List<SideBySide> sideBySide(String cycleId) {
		List<ModeratedRating> current = current(cycleId);
		if (current.isEmpty()) {
			return List.of();
		}
		Map<Long, String> agencies = new LinkedHashMap<>(this.results.agencies(cycleId));
		java.util.Set<String> moderatedAgencies = current.stream().map(ModeratedRating::agencyId).collect(Collectors.toSet());
		agencies.values().removeIf((agency) -> !moderatedAgencies.contains(agency));
		Map<String, Map<String, String>> own = new HashMap<>();
		this.submissions.facts(agencies.keySet()).forEach((submission, facts) -> {
			Map<String, String> items = new HashMap<>();
			facts.responses().forEach((r) -> items.put(r.itemId(), r.rating()));
			own.put(agencies.get(submission), items);
		});
		return current.stream().map((m) -> new SideBySide(m, own.getOrDefault(m.agencyId(), Map.of()).get(m.itemId()))).toList();
	}

	@Override
	public Map<Long, EvaluationResults.ReturnRatings> moderated(String cycleId, RulePackCompiler.CompiledPack pack) {
		Map<String, List<ModeratedRating>> byAgency = current(cycleId).stream()
			.filter((r) -> pack.pack().framework().itemsById().containsKey(r.itemId()))
			.collect(Collectors.groupingBy(ModeratedRating::agencyId, LinkedHashMap::new, Collectors.toList()));
		if (byAgency.isEmpty()) {
			return Map.of();
		}
		Map<Long, String> agencies = new LinkedHashMap<>(this.results.agencies(cycleId));
		agencies.values().removeIf((agency) -> !byAgency.containsKey(agency));
		Map<Long, SubmissionFacts> facts = this.submissions.facts(agencies.keySet());
		Map<String, Framework.Standard> standards = pack.pack().framework().standardByItemId();
		Map<Long, EvaluationResults.ReturnRatings> moderated = new LinkedHashMap<>();
		agencies.forEach((submission, agency) -> {
			SubmissionFacts own = facts.get(submission);
			Map<String, String> agreed = new HashMap<>();
			byAgency.get(agency).forEach((r) -> agreed.put(r.itemId(), r.rating()));
			List<ItemResponse> responses = new ArrayList<>();
			for (ItemResponse r : own.responses()) {
				String rating = agreed.remove(r.itemId());
				responses.add((rating == null) ? r : new ItemResponse(r.itemId(), r.standardId(), rating, r.statement(), r.evidenceText(),
						r.evidenceLinks(), r.naReason(), r.lastReviewed()));
			}
			// an item the agency left unanswered that the panel rated
			agreed.forEach((item, rating) -> responses.add(new ItemResponse(item, standards.get(item).id(), rating, null, null, List.of(), null, null)));
			EvaluationOutcome outcome = this.engine.evaluate(pack, new SubmissionFacts(own.submission(), responses, own.actions()));
			Map<String, String> items = new HashMap<>();
			Map<String, String> standardRatings = new HashMap<>();
			for (Derived<?> d : outcome.outcomes()) {
				if (d.outcome() instanceof ItemRating item) {
					items.put(item.itemId(), item.rag().name());
				}
				else if (d.outcome() instanceof StandardRating standard) {
					standardRatings.put(standard.standardId(), standard.rag().name());
				}
			}
			moderated.put(submission, new EvaluationResults.ReturnRatings(items, standardRatings));
		});
		return moderated;
	}

	private static String hint(String given, List<String> known) {
		return DidYouMean.closest(given, known).map((c) -> " Did you mean " + c + "?").orElse("");
	}

}

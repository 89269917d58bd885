package org.s11evaluator.rules;

import java.util.Comparator;
import java.util.List;

import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.Outcome;
import org.s11evaluator.rules.facts.PartnershipRating;
import org.s11evaluator.rules.facts.StandardRating;

/** What a rule pack concluded about one submission, every conclusion with its explanation. */
public record EvaluationOutcome(String packId, String packVersion, List<Derived<? extends Outcome>> outcomes) {

	/** A stable order (kind, item as people read ids, rule, content); each key computed once per outcome. */
	public EvaluationOutcome {
		record Keyed(String kind, String item, Derived<? extends Outcome> derived) {
		}
		outcomes = outcomes.stream()
			.map((d) -> new Keyed(d.outcome().getClass().getSimpleName(), ItemIds.sortKey(itemOf(d.outcome())), d))
			.sorted(Comparator.comparing(Keyed::kind)
				.thenComparing(Keyed::item)
				.thenComparing((k) -> k.derived().rule())
				.thenComparing((k) -> k.derived().outcome().toString()))
			.<Derived<? extends Outcome>>map(Keyed::derived)
			.toList();
	}

	public List<Derived<ItemRating>> itemRatings() {
		return of(ItemRating.class);
	}

	public List<Derived<StandardRating>> standardRatings() {
		return of(StandardRating.class);
	}

	public List<Derived<Finding>> findings() {
		return of(Finding.class);
	}

	public List<Derived<FollowUpAction>> followUpActions() {
		return of(FollowUpAction.class);
	}

	public List<Derived<PartnershipRating>> partnershipRatings() {
		return of(PartnershipRating.class);
	}

	@SuppressWarnings("unchecked")
	private <T extends Outcome> List<Derived<T>> of(Class<T> type) {
		return this.outcomes.stream().filter((d) -> type.isInstance(d.outcome())).map((d) -> (Derived<T>) d).toList();
	}

	private static String itemOf(Outcome outcome) {
		if (outcome instanceof ItemRating rating) {
			return rating.itemId();
		}
		if (outcome instanceof StandardRating rating) {
			return rating.standardId();
		}
		if (outcome instanceof Finding finding) {
			return (finding.itemId() != null) ? finding.itemId() : finding.standardId();
		}
		if (outcome instanceof PartnershipRating rating) {
			return (rating.itemId() != null) ? rating.itemId() : rating.standardId();
		}
		FollowUpAction action = (FollowUpAction) outcome;
		return (action.itemId() != null) ? action.itemId() : action.standardId();
	}

}

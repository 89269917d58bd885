package org.s11evaluator.evaluation;

import java.util.HashMap;
import java.util.Map;

import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.StandardRating;

/**
 * What rules concluded must be storable and unambiguous before it is written: one rating per item and per
 * standard, no missing text or dates. A rule that breaks this fails its own submission (recorded, skipped),
 * never the write of a whole chunk of other agencies' results.
 */
final class OutcomeCheck {

	private OutcomeCheck() {
	}

	static void check(EvaluationOutcome outcome) {
		Map<String, String> items = new HashMap<>();
		for (Derived<ItemRating> d : outcome.itemRatings()) {
			require(d.outcome().itemId() != null && d.outcome().standardId() != null && d.outcome().rag() != null
					&& d.outcome().reason() != null, d, "an item rating needs an item, a standard, a rating and a reason");
			once(items, d.outcome().itemId(), d, "item " + d.outcome().itemId() + " was rated twice");
		}
		Map<String, String> standards = new HashMap<>();
		for (Derived<StandardRating> d : outcome.standardRatings()) {
			require(d.outcome().standardId() != null && d.outcome().rag() != null && d.outcome().reason() != null, d,
					"a standard rating needs a standard, a rating and a reason");
			once(standards, d.outcome().standardId(), d, "standard " + d.outcome().standardId() + " was rated twice");
		}
		for (Derived<Finding> d : outcome.findings()) {
			require(d.outcome().code() != null && d.outcome().code().length() <= 64 && d.outcome().message() != null, d,
					"a finding needs a code (at most 64 characters) and a message");
		}
		for (Derived<FollowUpAction> d : outcome.followUpActions()) {
			FollowUpAction a = d.outcome();
			require(a.standardId() != null && a.owner() != null && a.due() != null && a.action() != null && a.reason() != null, d,
					"a follow-up action needs a standard, an owner, a due date, an action and a reason");
		}
		outcome.outcomes().forEach((d) -> require(d.rule().length() <= 255, d, "the rule's name is longer than 255 characters"));
	}

	private static void once(Map<String, String> seen, String key, Derived<?> d, String message) {
		String earlier = seen.putIfAbsent(key, d.rule());
		if (earlier != null) {
			throw new IllegalStateException(message + ", by rule \"" + earlier + "\" and by rule \"" + d.rule() + "\"");
		}
	}

	private static void require(boolean ok, Derived<?> d, String message) {
		if (!ok) {
			throw new IllegalStateException("rule \"" + d.rule() + "\" concluded something that cannot be stored: " + message);
		}
	}

}

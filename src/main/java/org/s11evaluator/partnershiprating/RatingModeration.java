package org.s11evaluator.partnershiprating;

import java.util.Map;

import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.rules.RulePackCompiler;

/**
 * What a challenge (a challenge day, moderation panel or peer review) agreed about agencies' ratings, as the
 * partnership-wide rating counts it: implemented by the moderation module, so that this module needs nothing of it.
 */
public interface RatingModeration {

	/** The policy value that says which rating the partnership-wide rating counts: {@code moderated} or {@code self}. */
	String USES = "partnership-rating.uses";

	/**
	 * Whether the pack's partnership-wide rating counts moderated ratings: {@code moderated} (also when the pack says
	 * nothing) or {@code self}; any other value is the pack's mistake, named at its file and line.
	 */
	static boolean countsModerated(org.s11evaluator.rules.RulePack pack) {
		org.s11evaluator.rules.RulePack.PolicyValue uses = pack.policyValues().get(USES);
		if (uses == null) {
			return true;
		}
		String value = uses.value().strip();
		if (!value.equals("moderated") && !value.equals("self")) {
			throw new IllegalArgumentException(uses.file() + ":" + uses.line() + ": " + USES + " is \"" + value
					+ "\": write moderated (count the moderated rating where one is recorded) or self (always the agency's own)");
		}
		return value.equals("moderated");
	}

	/**
	 * For each of the cycle's returns with a moderated rating, by submission id, the item and standard ratings with the
	 * moderated ones in place of the agency's own, as the pack's rules rate them.
	 */
	Map<Long, EvaluationResults.ReturnRatings> moderated(String cycleId, RulePackCompiler.CompiledPack pack);

}

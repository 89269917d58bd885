package org.s11evaluator.rules;

import java.util.List;

/**
 * A rule pack went past a budget on one return or one partnership rating: its time per return, its memory, or
 * its number of rule firings. The message names the pack, the budget and the rule that was at work. A run
 * treats the pack as broken for the rest of the run (its other returns are not evaluated) and ends FAILED.
 */
public class RuleBudgetExceededException extends RulePackException {

	private final String rule;

	/**
	 * @param breach what happened, naming the budget and its setting, such as "ran out of its memory budget of
	 *     256 MB (s11.rules.runner.memory)"
	 * @param rule the rule at work when it happened ("none" when none had started)
	 */
	public RuleBudgetExceededException(RulePack pack, String breach, String rule) {
		super(message(pack, breach, rule), pack.id(), List.of(new RuleProblem(pack.id(), 0, 0, breach + ", in rule \"" + rule + "\"")));
		this.rule = rule;
	}

	/** The rule that was at work (firing, or being matched) when the budget ran out; "none" if none had started. */
	public String rule() {
		return this.rule;
	}

	private static String message(RulePack pack, String breach, String rule) {
		return "rule pack " + pack.id() + " (version " + pack.shortVersion() + ") " + breach + ", in rule \"" + rule + "\"";
	}

}

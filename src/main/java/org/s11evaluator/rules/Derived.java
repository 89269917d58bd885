package org.s11evaluator.rules;

import java.util.List;

import org.s11evaluator.rules.facts.Outcome;

/**
 * An outcome with its explanation: the rule that inserted it, the facts that rule matched, and the rule's
 * {@code @policy("...")} statement when the rule file gives one (null otherwise).
 */
public record Derived<T extends Outcome>(T outcome, String rule, List<String> inputs, String policy) {

	public Derived {
		inputs = List.copyOf(inputs);
	}

}

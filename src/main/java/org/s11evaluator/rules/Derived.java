package org.s11evaluator.rules;

import java.util.List;

import org.s11evaluator.rules.facts.Outcome;

/** An outcome with its explanation: the rule that inserted it and the facts that rule matched. */
public record Derived<T extends Outcome>(T outcome, String rule, List<String> inputs) {

	public Derived {
		inputs = List.copyOf(inputs);
	}

}

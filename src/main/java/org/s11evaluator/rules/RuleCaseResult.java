package org.s11evaluator.rules;

import java.util.List;
import java.util.Set;

/**
 * The result of one rule case: the failures (empty when it passed) and the rules that fired; and, when the
 * pack went past a budget on this case (or on an earlier case of the same run), that breach.
 */
public record RuleCaseResult(String file, String name, List<String> failures, Set<String> firedRules,
		RuleBudgetExceededException budgetExceeded) {

	public RuleCaseResult(String file, String name, List<String> failures, Set<String> firedRules) {
		this(file, name, failures, firedRules, null);
	}

	public boolean passed() {
		return this.failures.isEmpty();
	}

	/** How a test report names the case: {@code pan-sussex/evidence: standard 9 green without evidence is flagged}. */
	public String displayName() {
		return this.file.replace(".cases.yaml", "") + ": " + this.name;
	}

}

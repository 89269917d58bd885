package org.s11evaluator.rules;

import java.util.List;
import java.util.Set;

/** The result of one rule case: the failures (empty when it passed) and the rules that fired. */
public record RuleCaseResult(String file, String name, List<String> failures, Set<String> firedRules) {

	public boolean passed() {
		return this.failures.isEmpty();
	}

	/** How a test report names the case: {@code pan-sussex/evidence: standard 9 green without evidence is flagged}. */
	public String displayName() {
		return this.file.replace(".cases.yaml", "") + ": " + this.name;
	}

}

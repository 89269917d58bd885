package org.s11evaluator.rules.runner;

import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulesSettings;

/**
 * Where rules run: the engine for the given settings, isolated in rule-runner processes
 * ({@code s11.rules.runner.isolated: true}, the default) or in this process.
 */
public final class RuleRunners {

	private RuleRunners() {
	}

	public static RuleEngine engine(RulesSettings rules, RunnerSettings runner) {
		return runner.isolated() ? new IsolatedRuleEngine(rules, runner) : new RuleEngine(rules);
	}

}

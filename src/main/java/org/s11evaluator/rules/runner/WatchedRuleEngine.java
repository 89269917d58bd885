package org.s11evaluator.rules.runner;

import org.kie.api.runtime.KieSession;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulesSettings;

/** In the runner: the rule engine itself, with every session watched for the heartbeat. */
final class WatchedRuleEngine extends RuleEngine {

	private final RuleWatch watch;

	WatchedRuleEngine(RulesSettings settings, RuleWatch watch) {
		super(settings);
		this.watch = watch;
	}

	@Override
	protected KieSession openSession(RulePackCompiler.CompiledPack compiled) {
		KieSession session = super.openSession(compiled);
		session.addEventListener(this.watch);
		this.watch.watch(session);
		return session;
	}

}

package org.s11evaluator.rules.runner;

import java.util.List;

import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.RatingTally;

/**
 * The rule engine as the application uses it: the same answers, explanations included, as {@link RuleEngine}
 * gives in this process, computed in a rule runner that holds nothing a rule could take, within the budgets.
 */
final class IsolatedRuleEngine extends RuleEngine implements AutoCloseable {

	private final RunnerPool runners;

	IsolatedRuleEngine(RulesSettings rules, RunnerSettings runner) {
		super(rules);
		this.runners = new RunnerPool(() -> RunnerClient.start(runner, rules.maxRuleFirings()), runner.processes());
	}

	@Override
	public EvaluationOutcome evaluate(RulePackCompiler.CompiledPack compiled, SubmissionFacts facts) {
		return this.runners.with((runner) -> runner.evaluate(compiled, facts));
	}

	/** A batch in one round trip to one runner (see {@link RunnerClient#evaluateAll}). */
	@Override
	public List<Attempt> evaluateAll(RulePackCompiler.CompiledPack compiled, List<SubmissionFacts> facts) {
		return this.runners.with((runner) -> runner.evaluateAll(compiled, facts));
	}

	@Override
	public EvaluationOutcome ratePartnership(RulePackCompiler.CompiledPack compiled, List<RatingTally> tallies) {
		return this.runners.with((runner) -> runner.ratePartnership(compiled, tallies));
	}

	RunnerPool runners() {
		return this.runners;
	}

	@Override
	public void close() {
		this.runners.close();
	}

}

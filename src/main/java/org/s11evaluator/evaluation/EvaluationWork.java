package org.s11evaluator.evaluation;

import java.util.List;

import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ReturnsToEvaluate;
import org.springframework.stereotype.Component;

/**
 * Which partnerships have returns to evaluate in a run's scope, asked before the run's evaluation step is started, so
 * that a run with nothing to evaluate does not start it: the same question, asked the same way, as the step's own
 * partitions ({@link PartnershipPartitioner}).
 */
@Component
public class EvaluationWork {

	private final ReturnsToEvaluate returns;

	private final CycleQueries cycles;

	private final RulePacks packs;

	EvaluationWork(ReturnsToEvaluate returns, CycleQueries cycles, RulePacks packs) {
		this.returns = returns;
		this.cycles = cycles;
		this.packs = packs;
	}

	/** The partnerships with returns to evaluate in the scope ({@code cycle} job parameter) and mode ({@code mode}). */
	public List<String> partnerships(String cycle, String mode) {
		return List.copyOf(new PartnershipPartitioner(this.returns, this.cycles, this.packs, cycle, !EvaluationSteps.MODE_ALL.equals(mode)).partition(1).keySet());
	}

}

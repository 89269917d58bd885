package org.s11evaluator.evaluation;

import java.util.List;

import org.s11evaluator.rules.RulePacks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which partnerships have returns to evaluate in a run's scope, asked before the run's evaluation step is started, so
 * that a run with nothing to evaluate does not start it: the same question, asked the same way, as the step's own
 * partitions ({@link PartnershipPartitioner}).
 */
@Component
public class EvaluationWork {

	private final JdbcClient jdbc;

	private final RulePacks packs;

	EvaluationWork(JdbcClient jdbc, RulePacks packs) {
		this.jdbc = jdbc;
		this.packs = packs;
	}

	/** The partnerships with returns to evaluate in the scope ({@code cycle} job parameter) and mode ({@code mode}). */
	public List<String> partnerships(String cycle, String mode) {
		return List.copyOf(new PartnershipPartitioner(this.jdbc, this.packs, cycle, !EvaluationSteps.MODE_ALL.equals(mode)).partition(1).keySet());
	}

}

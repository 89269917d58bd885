package org.s11evaluator.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ReturnsToEvaluate;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * Splits a run into one partition per partnership that has returns to evaluate. The partition's name is the
 * partnership's id, so a restarted run finds the partnerships that did not finish by name, and the job
 * repository shows how each partnership's part of the run went. (They are listed largest first, but Spring
 * Batch hands partitions to the threads in no particular order.)
 */
public class PartnershipPartitioner implements Partitioner {

	static final String PARTNERSHIP = "partnership";

	private final ReturnsToEvaluate returns;

	private final CycleQueries cycles;

	private final RulePacks packs;

	private final String cycle;

	private final boolean changedOnly;

	public PartnershipPartitioner(ReturnsToEvaluate returns, CycleQueries cycles, RulePacks packs, String cycle, boolean changedOnly) {
		this.returns = returns;
		this.cycles = cycles;
		this.packs = packs;
		this.cycle = cycle;
		this.changedOnly = changedOnly;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		ReturnsToEvaluate.Scope scope = SubmissionScope.of(this.cycles, this.cycle, this.changedOnly, this.packs);
		java.util.Set<String> partnerships = this.returns.countByPartnership(scope).keySet(); // largest first
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (String partnership : partnerships) {
			ExecutionContext context = new ExecutionContext();
			context.putString(PARTNERSHIP, partnership);
			partitions.put(partnership, context);
		}
		return partitions;
	}

}

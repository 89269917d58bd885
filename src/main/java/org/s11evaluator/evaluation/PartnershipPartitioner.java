package org.s11evaluator.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * Splits a run into one partition per partnership that has returns to evaluate. The partition's name is the
 * partnership's id, so a restarted run finds the partnerships that did not finish by name, and the job
 * repository shows how each partnership's part of the run went. (They are listed largest first, but Spring
 * Batch hands partitions to the threads in no particular order.) The run's count is the one its plan made before the
 * step was started ({@link EvaluationWork}), not made again.
 */
public class PartnershipPartitioner implements Partitioner {

	static final String PARTNERSHIP = "partnership";

	private final EvaluationWork work;

	private final String cycle;

	private final boolean changedOnly;

	private final Long jobExecutionId;

	/** The partitions of run {@code jobExecutionId} (null: counted afresh) over the scope and mode given. */
	public PartnershipPartitioner(EvaluationWork work, String cycle, boolean changedOnly, Long jobExecutionId) {
		this.work = work;
		this.cycle = cycle;
		this.changedOnly = changedOnly;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		java.util.Set<String> partnerships = this.work.counts(this.cycle, this.changedOnly, this.jobExecutionId).keySet(); // largest first
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (String partnership : partnerships) {
			ExecutionContext context = new ExecutionContext();
			context.putString(PARTNERSHIP, partnership);
			partitions.put(partnership, context);
		}
		return partitions;
	}

}

package org.s11evaluator.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.rules.RulePacks;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Splits a run into one partition per partnership that has returns to evaluate. The partition's name is the
 * partnership's id, so a restarted run finds the partnerships that did not finish by name, and the job
 * repository shows how each partnership's part of the run went. (They are listed largest first, but Spring
 * Batch hands partitions to the threads in no particular order.)
 */
public class PartnershipPartitioner implements Partitioner {

	static final String PARTNERSHIP = "partnership";

	private final JdbcClient jdbc;

	private final RulePacks packs;

	private final String cycle;

	private final boolean changedOnly;

	public PartnershipPartitioner(JdbcClient jdbc, RulePacks packs, String cycle, boolean changedOnly) {
		this.jdbc = jdbc;
		this.packs = packs;
		this.cycle = cycle;
		this.changedOnly = changedOnly;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		SubmissionScope.Where where = SubmissionScope.of(this.cycle, this.changedOnly, this.packs);
		List<String> partnerships = this.jdbc.sql("select partnership_id from " + SubmissionScope.SUBMISSIONS + " " + where.sql()
				+ " group by partnership_id order by count(*) desc, partnership_id")
			.params(where.parameters())
			.query(String.class)
			.list();
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (String partnership : partnerships) {
			ExecutionContext context = new ExecutionContext();
			context.putString(PARTNERSHIP, partnership);
			partitions.put(partnership, context);
		}
		return partitions;
	}

}

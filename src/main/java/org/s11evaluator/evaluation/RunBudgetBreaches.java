package org.s11evaluator.evaluation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.s11evaluator.rules.RuleBudgetExceededException;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The rule packs that went past a budget (time, memory, firings) in a run, by run: such a pack is treated as
 * broken for the rest of that run, so its other returns are skipped at once instead of each waiting out the
 * deadline. Forgotten when the run ends; the next run tries the pack again.
 */
@Component
public class RunBudgetBreaches implements JobExecutionListener {

	/** Partition step execution context key: what a pack's breach said, so the run can fail naming it. */
	static final String BREACH = "rules.budgetExceeded";

	private final Map<Long, Map<String, RuleBudgetExceededException>> byRun = new ConcurrentHashMap<>();

	/** Records the breach, unless the pack already breached in this run; returns the one that counts. */
	RuleBudgetExceededException record(long jobExecutionId, String packId, RuleBudgetExceededException breach) {
		RuleBudgetExceededException earlier = this.byRun.computeIfAbsent(jobExecutionId, (id) -> new ConcurrentHashMap<>())
			.putIfAbsent(packId, breach);
		return (earlier != null) ? earlier : breach;
	}

	/** The pack's breach in this run, or null. */
	RuleBudgetExceededException of(long jobExecutionId, String packId) {
		Map<String, RuleBudgetExceededException> breaches = this.byRun.get(jobExecutionId);
		return (breaches != null) ? breaches.get(packId) : null;
	}

	@Override
	public void afterJob(JobExecution execution) {
		this.byRun.remove(execution.getId());
	}

}

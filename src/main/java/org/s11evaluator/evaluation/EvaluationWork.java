package org.s11evaluator.evaluation;

import java.util.List;
import java.util.Map;

import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ReturnsToEvaluate;
import org.springframework.stereotype.Component;

/**
 * Which partnerships have returns to evaluate in a run's scope, and how many each, asked before the run's evaluation step
 * is started, so that a run with nothing to evaluate does not start it: counted once per run, the step's own partitions
 * ({@link PartnershipPartitioner}) and progress ({@link EvaluationProgress}) take the same count again. Should a return
 * come in between, it is not in this run's partitions and the run is followed by another
 * ({@code runs.EvaluationManagement}); only the last run's count is kept.
 */
@Component
public class EvaluationWork {

	private final ReturnsToEvaluate returns;

	private final CycleQueries cycles;

	private final RulePacks packs;

	/** Something worked out for a run, in its scope ({@code cycle}) and mode. */
	private record ForRun<T>(long jobExecutionId, String cycle, boolean changedOnly, T value) {

		boolean isFor(Long jobExecutionId, String cycle, boolean changedOnly) {
			return jobExecutionId != null && this.jobExecutionId == jobExecutionId && this.cycle.equals(cycle) && this.changedOnly == changedOnly;
		}

	}

	/** The scope last worked out for a run. */
	private volatile ForRun<ReturnsToEvaluate.Scope> lastScope;

	/** The count last made for a run. */
	private volatile ForRun<Map<String, Long>> last;

	EvaluationWork(ReturnsToEvaluate returns, CycleQueries cycles, RulePacks packs) {
		this.returns = returns;
		this.cycles = cycles;
		this.packs = packs;
	}

	/**
	 * The partnerships with returns to evaluate in the scope ({@code cycle} job parameter) and mode ({@code mode}), for
	 * run {@code jobExecutionId}.
	 */
	public List<String> partnerships(String cycle, String mode, long jobExecutionId) {
		return List.copyOf(counts(cycle, !EvaluationSteps.MODE_ALL.equals(mode), jobExecutionId).keySet());
	}

	/**
	 * How many returns each partnership has to evaluate, largest first: the count made for run {@code jobExecutionId}
	 * with the same scope and mode, else counted now (and kept for that run unless it is null).
	 */
	Map<String, Long> counts(String cycle, boolean changedOnly, Long jobExecutionId) {
		ForRun<Map<String, Long>> counted = this.last;
		if (counted != null && counted.isFor(jobExecutionId, cycle, changedOnly)) {
			return counted.value();
		}
		Map<String, Long> counts = java.util.Collections.unmodifiableMap(this.returns.countByPartnership(runScope(cycle, changedOnly, jobExecutionId)));
		if (jobExecutionId != null) {
			this.last = new ForRun<>(jobExecutionId, cycle, changedOnly, counts);
		}
		return counts;
	}

	/**
	 * What partition {@code partnership} of run {@code jobExecutionId} reads: the scope the run's count was made over,
	 * narrowed to that partnership; worked out now if this process has not seen that run (a remote worker, say), without
	 * counting it.
	 */
	ReturnsToEvaluate.Scope scope(String cycle, boolean changedOnly, Long jobExecutionId, String partnership) {
		ReturnsToEvaluate.Scope run = runScope(cycle, changedOnly, jobExecutionId);
		return new ReturnsToEvaluate.Scope(run.cycleIds(), partnership, run.currentPackVersions());
	}

	private ReturnsToEvaluate.Scope runScope(String cycle, boolean changedOnly, Long jobExecutionId) {
		ForRun<ReturnsToEvaluate.Scope> known = this.lastScope;
		if (known != null && known.isFor(jobExecutionId, cycle, changedOnly)) {
			return known.value();
		}
		ReturnsToEvaluate.Scope scope = SubmissionScope.of(this.cycles, cycle, changedOnly, this.packs);
		if (jobExecutionId != null) {
			this.lastScope = new ForRun<>(jobExecutionId, cycle, changedOnly, scope);
		}
		return scope;
	}

}

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

	/** The count last made for a run. */
	private record Counted(long jobExecutionId, String cycle, boolean changedOnly, ReturnsToEvaluate.Scope scope, Map<String, Long> counts) {

		boolean isFor(Long jobExecutionId, String cycle, boolean changedOnly) {
			return jobExecutionId != null && this.jobExecutionId == jobExecutionId && this.cycle.equals(cycle) && this.changedOnly == changedOnly;
		}

	}

	private volatile Counted last;

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
		return counted(cycle, changedOnly, jobExecutionId).counts();
	}

	/**
	 * What partition {@code partnership} of run {@code jobExecutionId} reads: the scope the run's count was made over,
	 * narrowed to that partnership; worked out now if this process has not counted that run (a remote worker, say).
	 */
	ReturnsToEvaluate.Scope scope(String cycle, boolean changedOnly, Long jobExecutionId, String partnership) {
		ReturnsToEvaluate.Scope run = counted(cycle, changedOnly, jobExecutionId).scope();
		return new ReturnsToEvaluate.Scope(run.cycleIds(), partnership, run.currentPackVersions());
	}

	private Counted counted(String cycle, boolean changedOnly, Long jobExecutionId) {
		Counted counted = this.last;
		if (counted != null && counted.isFor(jobExecutionId, cycle, changedOnly)) {
			return counted;
		}
		ReturnsToEvaluate.Scope scope = SubmissionScope.of(this.cycles, cycle, changedOnly, this.packs);
		counted = new Counted((jobExecutionId != null) ? jobExecutionId : -1, cycle, changedOnly, scope,
				java.util.Collections.unmodifiableMap(this.returns.countByPartnership(scope)));
		if (jobExecutionId != null) {
			this.last = counted;
		}
		return counted;
	}

}

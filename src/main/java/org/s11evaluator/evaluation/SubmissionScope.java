package org.s11evaluator.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.cycle.RunScope;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ReturnsToEvaluate;

/**
 * Which stored returns a run evaluates: those of one cycle, or of every open cycle; and, unless every return
 * is asked for, only those with no current results: new, corrected since, or evaluated by a pack version
 * other than the one in the rules folder now. One definition for the reader, the partitioner and the progress count;
 * the submission module selects them ({@link ReturnsToEvaluate}), over the cycles the cycle module says are in scope.
 */
final class SubmissionScope {

	static final String ALL_OPEN_CYCLES = RunScope.ALL_OPEN_CYCLES;

	private SubmissionScope() {
	}

	static ReturnsToEvaluate.Scope of(CycleQueries cycles, String cycle, boolean changedOnly, RulePacks packs) {
		Map<String, String> versions = null;
		if (changedOnly) {
			versions = new LinkedHashMap<>();
			for (String pack : packs.ids()) {
				versions.put(pack, packs.currentVersion(pack));
			}
		}
		return new ReturnsToEvaluate.Scope(cycles.idsInScope(cycle), null, versions);
	}

}

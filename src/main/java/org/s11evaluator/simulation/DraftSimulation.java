package org.s11evaluator.simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.partnershiprating.RatingTallies;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.RuleBudgetExceededException;
import org.s11evaluator.rules.RuleCaseResult;
import org.s11evaluator.rules.RuleCases;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.StoredReturns;
import org.springframework.stereotype.Service;


/**
 * Evaluates a cycle's stored returns with a draft of a rule pack, entirely in memory, and compares the
 * outcome with the stored results. Nothing is written: the live results stay as they are.
 */
@Service
public class DraftSimulation {

	private static final int FACTS_PER_QUERY = 200;

	private final CycleManagement cycles;

	private final RulePackCompiler compiler;

	private final RuleEngine engine;

	private final RuleCases cases;

	private final ResultSnapshots snapshots;

	private final org.s11evaluator.submission.StoredSubmissions submissions;

	private final StoredReturns returns;

	private final CycleQueries cycleQueries;

	private final RulePacks packs;

	DraftSimulation(RulePacks packs, CycleManagement cycles, RulePackCompiler compiler, RuleEngine engine, RuleCases cases, ResultSnapshots snapshots,
			org.s11evaluator.submission.StoredSubmissions submissions, StoredReturns returns, CycleQueries cycleQueries) {
		this.packs = packs;
		this.cycles = cycles;
		this.compiler = compiler;
		this.engine = engine;
		this.cases = cases;
		this.snapshots = snapshots;
		this.submissions = submissions;
		this.returns = returns;
		this.cycleQueries = cycleQueries;
	}

	/** What simulating a draft found. {@code caseFailures} are the draft's own cases that fail. */
	public record Result(String packId, Path draft, String draftVersion, String cycleId, int returns, List<String> caseFailures,
			List<String> notEvaluated, List<ResultSnapshot.Difference> differences) {
	}

	public Result simulate(String packId, Path draft, String cycleId) {
		Cycle cycle = this.cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		if (!cycle.packId().equals(packId)) {
			throw new IllegalArgumentException("Cycle '" + cycleId + "' is judged by rule pack '" + cycle.packId()
					+ "', not '" + packId + "'");
		}
		RulePack pack = this.packs.loadFrom(draft, packId);
		RulePackCompiler.CompiledPack compiled = this.compiler.compile(pack);
		List<String> caseFailures = new ArrayList<>();
		for (RuleCaseResult result : this.cases.run(pack, draft)) {
			result.failures().forEach((failure) -> caseFailures.add(result.displayName() + ": " + failure.lines().findFirst().orElse("")));
		}
		Map<String, ResultSnapshot.Agency> agencies = new TreeMap<>();
		List<RatingTallies.ReturnRatings> ratings = new ArrayList<>();
		List<String> notEvaluated = new ArrayList<>();
		List<Map<String, Object>> returns = returns(cycleId);
		RuleBudgetExceededException breach = null;
		Map<Long, org.s11evaluator.rules.SubmissionFacts> facts = new java.util.HashMap<>();
		for (int i = 0; i < returns.size(); i++) {
			Map<String, Object> row = returns.get(i);
			if (i % FACTS_PER_QUERY == 0) { // the returns' facts a few hundred at a time, not three queries a return
				facts.clear();
				facts.putAll(this.submissions.facts(returns.subList(i, Math.min(i + FACTS_PER_QUERY, returns.size())).stream()
					.map((r) -> ((Number) r.get("id")).longValue()).toList()));
			}
			String agency = (String) row.get("agency_id");
			if (breach != null) {
				// past its budget once: the draft's other returns would each wait out the deadline too
				notEvaluated.add(agency + ": not evaluated, " + breach.getMessage());
				continue;
			}
			try {
				EvaluationOutcome outcome = this.engine.evaluate(compiled, facts.get(((Number) row.get("id")).longValue()));
				ResultSnapshot.Agency snapshot = ResultSnapshot.agency((String) row.get("name"), outcome);
				agencies.put(agency, snapshot);
				ratings.add(new RatingTallies.ReturnRatings(snapshot.items(), snapshot.standards()));
			}
			catch (RuleBudgetExceededException ex) {
				breach = ex;
				notEvaluated.add(agency + ": " + ex.getMessage());
			}
			catch (RuntimeException ex) {
				notEvaluated.add(agency + ": " + ex.getMessage());
			}
		}
		EvaluationOutcome partnership = this.engine.ratePartnership(compiled, RatingTallies.of(pack.framework(), ratings));
		ResultSnapshot simulated = new ResultSnapshot(agencies, ResultSnapshot.partnership(partnership));
		List<ResultSnapshot.Difference> differences = ResultSnapshot.differences(this.snapshots.load(cycleId), simulated);
		return new Result(packId, draft, pack.version(), cycleId, returns.size(), caseFailures, notEvaluated, differences);
	}

	/**
	 * The cycle's returns by submission id, each with its agency's id and registered name (a return whose agency is
	 * not registered is left out, as the join it replaces did): two queries, whatever the number of returns.
	 */
	private List<Map<String, Object>> returns(String cycleId) {
		List<StoredReturns.CycleReturn> stored = this.returns.inCycle(cycleId);
		Map<String, String> names = this.cycleQueries.agencyNames(stored.stream().map(StoredReturns.CycleReturn::agencyId).toList());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (StoredReturns.CycleReturn r : stored) {
			if (names.containsKey(r.agencyId())) {
				rows.add(Map.of("id", r.id(), "agency_id", r.agencyId(), "name", names.get(r.agencyId())));
			}
		}
		return rows;
	}

}

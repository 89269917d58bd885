package org.s11evaluator.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.rules.ItemIds;
import org.s11evaluator.submission.StoredReturns;
import org.springframework.stereotype.Component;

/** Reads a cycle's stored results. */
@Component
public class CycleResultsQuery {

	private final CycleQueries cycles;

	private final CycleManagement cycleManagement;

	private final StoredReturns returns;

	private final EvaluationResults evaluationResults;

	CycleResultsQuery(CycleQueries cycles, CycleManagement cycleManagement, StoredReturns returns, EvaluationResults evaluationResults) {
		this.cycles = cycles;
		this.cycleManagement = cycleManagement;
		this.returns = returns;
		this.evaluationResults = evaluationResults;
	}

	/**
	 * The cycle's results, each part asked of the module that owns it (the cycle and its agencies, the returns and
	 * rejected files, their evaluations): a fixed number of queries, whatever the number of returns.
	 */
	public CycleResults load(String cycleId) {
		CycleQueries.CycleDetails cycle = this.cycles.details(cycleId)
			.orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		List<CycleManagement.CycleAgency> expectedAgencies = this.cycleManagement.agencies(cycleId);
		java.util.Set<String> expected = new java.util.HashSet<>();
		expectedAgencies.forEach((a) -> expected.add(a.id()));
		Map<Long, EvaluationResults.ReturnResults> stored = this.evaluationResults.explained(cycleId);
		Map<Long, EvaluationResults.EvaluationStatus> statuses = this.evaluationResults.statuses(cycleId);
		EvaluationResults.ReturnResults none = new EvaluationResults.ReturnResults(List.of(), List.of(), List.of(), List.of());
		EvaluationResults.EvaluationStatus notEvaluated = new EvaluationResults.EvaluationStatus("NOT_EVALUATED", null, null, null);
		List<StoredReturns.ReturnDetails> returns = this.returns.detailsInCycle(cycleId);
		Map<String, String> names = this.cycles.agencyNames(returns.stream().map(StoredReturns.ReturnDetails::agencyId).toList());
		List<CycleResults.AgencyResult> agencies = new ArrayList<>();
		for (StoredReturns.ReturnDetails r : returns) {
			if (!names.containsKey(r.agencyId())) {
				continue; // a return of an agency not registered is left out, as the join this replaces did
			}
			EvaluationResults.EvaluationStatus e = statuses.getOrDefault(r.id(), notEvaluated);
			EvaluationResults.ReturnResults results = stored.getOrDefault(r.id(), none);
			agencies.add(new CycleResults.AgencyResult(r.agencyId(), names.get(r.agencyId()), expected.contains(r.agencyId()), r.completedBy(),
					r.role(), r.submittedAt(), r.version(), e.status(), e.packVersion(), e.evaluatedAt(), e.failure(),
					sorted(standards(results), CycleResults.Rating::standardId),
					sorted(findings(results), (f) -> (f.itemId() != null) ? f.itemId() : f.standardId()),
					sorted(followUps(results), CycleResults.FollowUp::itemId)));
		}
		// by agency name as the database orders names (its collation), as the query this replaces did
		Map<String, Integer> byName = new java.util.HashMap<>();
		names.keySet().forEach((id) -> byName.put(id, byName.size()));
		agencies.sort(Comparator.comparingInt((CycleResults.AgencyResult a) -> byName.get(a.agencyId())));
		java.util.Set<String> returned = new java.util.HashSet<>();
		returns.forEach((r) -> returned.add(r.agencyId()));
		List<CycleResults.NotReturned> notReturned = expectedAgencies.stream()
			.filter((a) -> !returned.contains(a.id()))
			.map((a) -> new CycleResults.NotReturned(a.id(), a.name()))
			.toList();
		List<CycleResults.Rejected> rejected = this.returns.rejectedIn(cycleId).stream()
			.map((r) -> new CycleResults.Rejected(r.source(), r.agencyId(), r.receivedAt(), r.reasons()))
			.toList();
		return new CycleResults(cycle.id(), cycle.title(), cycle.partnershipId(), cycle.partnershipName(), cycle.packId(), cycle.returnDeadline(),
				expectedAgencies.size(), agencies, notReturned, rejected);
	}

	private static <T> List<T> sorted(List<T> rows, java.util.function.Function<T, String> id) {
		List<T> copy = new ArrayList<>(rows);
		copy.sort(Comparator.comparing((T row) -> ItemIds.sortKey(id.apply(row))));
		return copy;
	}

	private static List<CycleResults.Rating> standards(EvaluationResults.ReturnResults results) {
		return results.standards().stream().map((r) -> new CycleResults.Rating(r.standardId(), r.rag(), r.reason(), r.rule(), r.inputs())).toList();
	}

	private static List<CycleResults.Result> findings(EvaluationResults.ReturnResults results) {
		return results.findings().stream()
			.map((f) -> new CycleResults.Result(f.code(), f.itemId(), f.standardId(), f.message(), f.rule(), f.inputs()))
			.toList();
	}

	private static List<CycleResults.FollowUp> followUps(EvaluationResults.ReturnResults results) {
		return results.followUps().stream()
			.map((a) -> new CycleResults.FollowUp(a.itemId(), a.standardId(), a.owner(), a.due(), a.action(), a.reason(), a.rule(), a.inputs()))
			.toList();
	}

}

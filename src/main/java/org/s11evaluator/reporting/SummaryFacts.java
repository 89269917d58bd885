package org.s11evaluator.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.evaluation.CycleEvaluationSummaries;
import org.s11evaluator.partnershiprating.PartnershipRatingQueries;
import org.s11evaluator.submission.CycleReturnContents;
import org.s11evaluator.submission.StoredReturns;

/**
 * The stored facts a cycle's summaries are built from, each asked of the module that owns it and joined here by id:
 * the cycle, its agencies, their returns and how each was evaluated, the files rejected, the partnership ratings.
 * A fixed number of queries, whatever the number of agencies.
 */
record SummaryFacts(CycleQueries.CycleDetails cycle, Set<String> expected, Map<String, CycleQueries.Agency> agencies,
		List<CycleReturnContents.Return> returns, Map<String, CycleReturnContents.Return> returnOf,
		Map<Long, CycleEvaluationSummaries.Evaluation> evaluations, List<StoredReturns.RejectedFile> rejected, Set<String> rejectedAgencies,
		Map<String, List<PartnershipRatingQueries.StoredRating>> ratings) {

	/** The facts of the cycle, read from the modules given; the cycle must exist. */
	static SummaryFacts read(String cycleId, CycleQueries.CycleDetails cycle, CycleQueries register, CycleReturnContents returns,
			CycleEvaluationSummaries evaluations, StoredReturns stored, PartnershipRatingQueries ratings) {
		Set<String> expected = register.expectedIds(cycleId);
		List<CycleReturnContents.Return> cycleReturns = returns.returns(cycleId);
		Map<String, CycleReturnContents.Return> returnOf = new HashMap<>();
		cycleReturns.forEach((r) -> returnOf.put(r.agencyId(), r));
		Set<String> ids = new LinkedHashSet<>(expected);
		cycleReturns.forEach((r) -> ids.add(r.agencyId()));
		List<StoredReturns.RejectedFile> rejected = stored.rejectedIn(cycleId);
		Set<String> rejectedAgencies = new java.util.HashSet<>();
		rejected.forEach((r) -> rejectedAgencies.add(r.agencyId()));
		return new SummaryFacts(cycle, expected, register.agencies(ids), cycleReturns, returnOf,
				evaluations.evaluations(cycleReturns.stream().map(CycleReturnContents.Return::id).toList()), rejected, rejectedAgencies,
				ratings.ofCycle(cycleId));
	}

	/** The ids of the returns whose agency is registered, in the agencies' order (by name). */
	List<CycleReturnContents.Return> registeredReturns() {
		List<CycleReturnContents.Return> registered = new ArrayList<>();
		this.agencies.keySet().forEach((id) -> {
			if (this.returnOf.containsKey(id)) {
				registered.add(this.returnOf.get(id));
			}
		});
		return registered;
	}

	/** The partnership ratings of one group of the cycle ('' the whole cycle), by standard and item. */
	Map<String, CycleSummary.Rating> ratingsOf(String groupId) {
		return ratings(this.ratings.getOrDefault(groupId, List.of()));
	}

	static Map<String, CycleSummary.Rating> ratings(List<PartnershipRatingQueries.StoredRating> stored) {
		Map<String, CycleSummary.Rating> ratings = new HashMap<>();
		for (PartnershipRatingQueries.StoredRating r : stored) {
			ratings.put(key(r.standardId(), r.itemId()), new CycleSummary.Rating(r.rag(), r.green(), r.amber(), r.red(), r.notApplicable(),
					r.notAnswered(), r.reason(), r.rule(), r.packVersion()));
		}
		return ratings;
	}

	/** The greatest pack version the group given ('' the whole cycle) was rated with; null if it was not rated. */
	String ratingPackVersion(String groupId) {
		return this.ratings.getOrDefault(groupId, List.of()).stream().map(PartnershipRatingQueries.StoredRating::packVersion)
			.filter((v) -> v != null).max(String::compareTo).orElse(null);
	}

	static String key(String standardId, String itemId) {
		return standardId + "/" + ((itemId != null) ? itemId : "");
	}

}

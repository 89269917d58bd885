package org.s11evaluator.simulation;

import java.util.Map;
import java.util.TreeMap;

import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.partnershiprating.PartnershipRatings;
import org.springframework.stereotype.Component;

/**
 * Reads a cycle's stored results as a {@link ResultSnapshot}, asking each module for its own: the evaluation for the
 * returns' results, the cycle for the agencies' names, the partnership ratings for the whole cycle's ratings.
 */
@Component
public class ResultSnapshots {

	private final EvaluationResults results;

	private final CycleQueries cycles;

	private final PartnershipRatings ratings;

	ResultSnapshots(EvaluationResults results, CycleQueries cycles, PartnershipRatings ratings) {
		this.results = results;
		this.cycles = cycles;
		this.ratings = ratings;
	}

	public ResultSnapshot load(String cycleId) {
		Map<Long, String> agencyOf = new TreeMap<>(this.results.agencies(cycleId)); // the returns with results
		Map<String, String> names = this.cycles.agencyNames(agencyOf.values());
		Map<String, ResultSnapshot.Agency> agencies = new TreeMap<>();
		agencyOf.values().stream().filter(names::containsKey).forEach((agency) -> agencies.put(agency, new ResultSnapshot.Agency(names.get(agency),
				new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>())));
		this.results.ratings(cycleId).forEach((submission, ratings) -> {
			ResultSnapshot.Agency agency = agency(agencies, agencyOf, submission);
			agency.items().putAll(ratings.items());
			agency.standards().putAll(ratings.standards());
		});
		this.results.findings(cycleId).forEach((submission, findings) -> findings.forEach((f) -> agency(agencies, agencyOf, submission).findings()
			.merge(ResultSnapshot.findingKey(f.code(), f.itemId(), f.standardId(), f.message()), 1, Integer::sum)));
		this.results.followUps(cycleId).forEach((submission, followUps) -> followUps.forEach((f) -> agency(agencies, agencyOf, submission)
			.followUps()
			.merge(ResultSnapshot.subject(f.itemId(), f.standardId()), ResultSnapshot.followUp(f.due(), f.owner(), f.action()),
					(x, y) -> x + " | " + y)));
		Map<String, String> partnership = new TreeMap<>();
		this.ratings.wholeCycle(cycleId).forEach((r) -> partnership.put(ResultSnapshot.subject(r.itemId(), r.standardId()), r.rag()));
		return new ResultSnapshot(agencies, partnership);
	}

	private static ResultSnapshot.Agency agency(Map<String, ResultSnapshot.Agency> agencies, Map<Long, String> agencyOf, long submission) {
		return agencies.get(agencyOf.get(submission));
	}

}

package org.s11evaluator.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.submission.StoredReturns;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a cycle's results can be frozen: every return evaluated, in its latest version, by the rule-pack version in
 * force, and the partnership rated by that version. Says, per return, why not.
 */
@Component
public class FinalEvaluation {

	private final StoredReturns returns;

	private final NamedParameterJdbcTemplate jdbc;

	private final CycleManagement cycles;

	FinalEvaluation(StoredReturns returns, NamedParameterJdbcTemplate jdbc, CycleManagement cycles) {
		this.returns = returns;
		this.jdbc = jdbc;
		this.cycles = cycles;
	}

	/** A return's evaluation as stored. */
	private record Stored(String status, Integer submissionVersion, String packVersion, String failure) {
	}

	/**
	 * Why the cycle's results are not final under {@code packVersion}, its partnership rated by the versions given
	 * ({@code ratedBy}, the partnership-rating module's to say); empty when they are.
	 */
	public List<String> problems(String cycleId, String packVersion, Collection<String> ratedBy) {
		return problems(cycleId, (pack) -> packVersion, ratedBy);
	}

	/**
	 * Why the cycle's results are not final under the versions in force of the packs it uses (a cycle judged by
	 * several templates: each return by its own template's version), its partnership rated by the versions given;
	 * empty when they are. Two queries (the returns, their evaluations) per thousand returns.
	 */
	public List<String> problems(String cycleId, Function<String, String> versionOfPack, Collection<String> ratedBy) {
		List<String> problems = new ArrayList<>();
		Set<String> inForce = new HashSet<>();
		List<StoredReturns.ReturnVersion> cycleReturns = this.returns.versionsInCycle(cycleId); // by agency
		Map<Long, Stored> statuses = new HashMap<>();
		List<Long> ids = cycleReturns.stream().map(StoredReturns.ReturnVersion::id).toList();
		for (int from = 0; from < ids.size(); from += 1000) {
			this.jdbc.query("select submission_id, status, submission_version, pack_version, failure from evaluation where submission_id in (:ids)",
					Map.of("ids", ids.subList(from, Math.min(from + 1000, ids.size()))),
					(RowCallbackHandler) (rs) -> statuses.put(rs.getLong(1), new Stored(rs.getString(2), (Integer) rs.getObject(3, Integer.class),
							rs.getString(4), rs.getString(5))));
		}
		for (StoredReturns.ReturnVersion r : cycleReturns) {
			String packVersion = versionOfPack.apply(r.packId());
			inForce.add(packVersion);
			String which = "the return of " + r.agencyId() + " (" + r.source().replaceAll("^.*/", "") + ")";
			Stored e = statuses.get(r.id());
			if (e == null) {
				problems.add(which + " has never been evaluated");
			}
			else if ("FAILED".equals(e.status())) {
				String failure = e.failure();
				problems.add(which + " could not be evaluated: " + ((failure != null) ? failure.lines().findFirst().orElse(failure) : "no reason recorded"));
			}
			else if (e.submissionVersion() == null || e.submissionVersion() != r.version()) {
				problems.add(which + " was corrected after it was last evaluated");
			}
			else if (!packVersion.equals(e.packVersion())) {
				problems.add(which + " was evaluated by rule-pack version " + shortVersion(e.packVersion()) + ", not the version in force "
						+ shortVersion(packVersion));
			}
		}
		if (inForce.isEmpty()) {
			// no return: the ratings are checked against the version of the cycle's own pack
			this.cycles.find(cycleId).ifPresent((cycle) -> inForce.add(versionOfPack.apply(cycle.packId())));
		}
		if (!cycleReturns.isEmpty() && ratedBy.isEmpty()) {
			problems.add("the partnership has not been rated");
		}
		else if (ratedBy.stream().anyMatch((v) -> !inForce.contains(v))) {
			problems.add("the partnership ratings were made by another rule-pack version than the one in force "
					+ inForce.stream().map(FinalEvaluation::shortVersion).sorted().collect(Collectors.joining(", ")));
		}
		return problems;
	}

	private static String shortVersion(String version) {
		return (version == null) ? "(none)" : version.substring(0, Math.min(12, version.length()));
	}

}

package org.s11evaluator.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a cycle's results can be frozen: every return evaluated, in its latest version, by the rule-pack version in
 * force, and the partnership rated by that version. Says, per return, why not.
 */
@Component
public class FinalEvaluation {

	private final JdbcClient jdbc;

	FinalEvaluation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Why the cycle's results are not final under {@code packVersion}; empty when they are. */
	public List<String> problems(String cycleId, String packVersion) {
		return problems(cycleId, (pack) -> packVersion);
	}

	/**
	 * Why the cycle's results are not final under the versions in force of the packs it uses (a cycle judged by
	 * several templates: each return by its own template's version); empty when they are.
	 */
	public List<String> problems(String cycleId, java.util.function.Function<String, String> versionOfPack) {
		List<String> problems = new ArrayList<>();
		java.util.Set<String> inForce = new java.util.HashSet<>();
		this.jdbc.sql("select s.agency_id, s.source, s.version, e.status, e.submission_version, e.pack_version, e.failure, "
				+ org.s11evaluator.cycle.CycleGroups.SUBMISSION_PACK + """
				 from submission s join audit_cycle c on c.id = s.cycle_id left join evaluation e on e.submission_id = s.id
				 where s.cycle_id = ? order by s.agency_id""")
			.param(cycleId)
			.query((rs) -> {
				String packVersion = versionOfPack.apply(rs.getString(8));
				inForce.add(packVersion);
				String which = "the return of " + rs.getString(1) + " (" + rs.getString(2).replaceAll("^.*/", "") + ")";
				String status = rs.getString(4);
				String failure = rs.getString(7);
				if (status == null) {
					problems.add(which + " has never been evaluated");
				}
				else if ("FAILED".equals(status)) {
					problems.add(which + " could not be evaluated: " + ((failure != null) ? failure.lines().findFirst().orElse(failure) : "no reason recorded"));
				}
				else if (rs.getInt(5) != rs.getInt(3)) {
					problems.add(which + " was corrected after it was last evaluated");
				}
				else if (!packVersion.equals(rs.getString(6))) {
					problems.add(which + " was evaluated by rule-pack version " + shortVersion(rs.getString(6)) + ", not the version in force "
							+ shortVersion(packVersion));
				}
			});
		int returns = this.jdbc.sql("select count(*) from submission where cycle_id = ?").param(cycleId).query(Integer.class).single();
		List<String> ratedBy = this.jdbc.sql("select distinct pack_version from partnership_rating where cycle_id = ?")
			.param(cycleId)
			.query(String.class)
			.list();
		if (inForce.isEmpty()) {
			// no return: the ratings are checked against the version of the cycle's own pack
			this.jdbc.sql("select pack_id from audit_cycle where id = ?").param(cycleId).query(String.class).optional()
				.ifPresent((pack) -> inForce.add(versionOfPack.apply(pack)));
		}
		if (returns > 0 && ratedBy.isEmpty()) {
			problems.add("the partnership has not been rated");
		}
		else if (ratedBy.stream().anyMatch((v) -> !inForce.contains(v))) {
			problems.add("the partnership ratings were made by another rule-pack version than the one in force "
					+ inForce.stream().map(FinalEvaluation::shortVersion).sorted().collect(java.util.stream.Collectors.joining(", ")));
		}
		return problems;
	}

	private static String shortVersion(String version) {
		return (version == null) ? "(none)" : version.substring(0, Math.min(12, version.length()));
	}

}

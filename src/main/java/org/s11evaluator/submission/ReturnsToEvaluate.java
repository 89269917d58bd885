package org.s11evaluator.submission;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.rules.facts.Submission;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored returns an evaluation run selects, a page at a time or counted by partnership: those of the cycles given,
 * and, unless every return is asked for, only those with no current results (new, corrected since, or evaluated by a
 * pack version other than the one in force for the pack each is judged by). One query each, over the returns' own
 * columns ({@link StoredReturns#recordEvaluated} keeps what they say of their evaluation).
 */
@Component
public class ReturnsToEvaluate {

	/**
	 * Which returns: those of {@code cycleIds}, of one partnership unless {@code partnership} is null; every one when
	 * {@code currentPackVersions} is null, else only those without results by the version in force of their pack
	 * (pack id to version; a pack not named has no version in force).
	 */
	public record Scope(List<String> cycleIds, String partnership, Map<String, String> currentPackVersions) {
	}

	/** A return to evaluate: its id, version, cycle, partnership and the pack it is judged by, with its header. */
	public record ReturnToEvaluate(long id, int version, String cycleId, String partnershipId, String packId, Submission header) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	ReturnsToEvaluate(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The next page of the scope's returns after the id given (keyset paging), with their headers: one query. */
	public List<ReturnToEvaluate> page(Scope scope, long after, int pageSize) {
		if (scope.cycleIds().isEmpty()) {
			return List.of();
		}
		Map<String, Object> parameters = new HashMap<>();
		String where = where(scope, parameters);
		parameters.put("after", after);
		parameters.put("pageSize", pageSize);
		return this.jdbc.query("select s.id, s.version, s.cycle_id, s.partnership_id, s.pack_id, " + StoredSubmissions.HEADER_COLUMNS
				+ " from submission s " + where + " and s.id > :after order by s.id limit :pageSize", parameters,
				(rs, i) -> new ReturnToEvaluate(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
						StoredSubmissions.header(rs, 6)));
	}

	/** How many of the scope's returns each partnership has, largest first (then by partnership id): one query. */
	public Map<String, Long> countByPartnership(Scope scope) {
		Map<String, Long> counts = new LinkedHashMap<>();
		if (scope.cycleIds().isEmpty()) {
			return counts;
		}
		Map<String, Object> parameters = new HashMap<>();
		this.jdbc.query("select s.partnership_id, count(*) from submission s " + where(scope, parameters)
				+ " group by s.partnership_id order by count(*) desc, s.partnership_id", parameters,
				(RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getLong(2)));
		return counts;
	}

	private static String where(Scope scope, Map<String, Object> parameters) {
		StringBuilder sql = new StringBuilder("where s.cycle_id in (:cycles)");
		parameters.put("cycles", scope.cycleIds());
		if (scope.partnership() != null) {
			sql.append(" and s.partnership_id = :partnership");
			parameters.put("partnership", scope.partnership());
		}
		if (scope.currentPackVersions() != null) {
			sql.append(" and (s.evaluated_version is null or s.evaluated_version <> s.version or s.evaluated_pack_version is null")
				.append(" or s.evaluated_pack_version <> ");
			if (scope.currentPackVersions().isEmpty()) {
				sql.append("'')"); // no pack in the rules folder: nothing matches a current version
			}
			else {
				sql.append("case s.pack_id");
				int i = 0;
				for (Map.Entry<String, String> pack : scope.currentPackVersions().entrySet()) {
					sql.append(" when :pack").append(i).append(" then :version").append(i);
					parameters.put("pack" + i, pack.getKey());
					parameters.put("version" + i, pack.getValue());
					i++;
				}
				sql.append(" else '' end)");
			}
		}
		return sql.toString();
	}

}

package org.s11evaluator.cycle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules ask of the cycles' tables ({@code audit_cycle}, {@code cycle_agency}, {@code agency}), in as few
 * queries as the question allows: a list of ids is answered in one query per thousand, never one per row.
 */
@Component
public class CycleQueries {

	private final NamedParameterJdbcTemplate jdbc;

	CycleQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the cycle's list of expected agencies names this agency. */
	public boolean expects(String cycleId, String agencyId) {
		Integer count = this.jdbc.queryForObject("select count(*) from cycle_agency where cycle_id = :cycle and agency_id = :agency",
				Map.of("cycle", cycleId, "agency", agencyId), Integer.class);
		return count != null && count > 0;
	}

	/**
	 * The registered names of the agencies given, by id, in the order of their names as the database sorts them (its
	 * collation, then id); an id with no registered agency is left out. One query: the agencies of a cycle's returns.
	 */
	public Map<String, String> agencyNames(Collection<String> agencyIds) {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		if (agencyIds.isEmpty()) {
			return names;
		}
		this.jdbc.query("select id, name from agency where id in (:ids) order by name, id", Map.of("ids", List.copyOf(new java.util.LinkedHashSet<>(agencyIds))),
				(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> names.put(rs.getString(1), rs.getString(2)));
		return names;
	}

	/** The ids of the cycles a run's scope ({@link RunScope}) covers: its open cycles. */
	public List<String> idsInScope(String scope) {
		Map<String, Object> parameters = new HashMap<>();
		String where = RunScope.sql(scope, "c", parameters);
		return this.jdbc.queryForList("select c.id from audit_cycle c where " + where + " order by c.id", parameters, String.class);
	}

	/** The ids of the open cycles. */
	public List<String> openIds() {
		return idsInScope(RunScope.ALL_OPEN_CYCLES);
	}

	/** A cycle as a report heads it: with its partnership's name. */
	public record CycleHeading(String id, String title, String partnershipId, String partnershipName, String packId,
			java.time.LocalDate returnDeadline) {
	}

	/** The cycle with its partnership's name, if both exist. */
	public java.util.Optional<CycleHeading> heading(String cycleId) {
		return this.jdbc.query("""
				select c.id, c.title, c.partnership_id, p.name, c.pack_id, c.return_deadline
				from audit_cycle c join partnership p on p.id = c.partnership_id where c.id = :cycle""", Map.of("cycle", cycleId),
				(rs, i) -> new CycleHeading(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, java.time.LocalDate.class)))
			.stream()
			.findFirst();
	}

}

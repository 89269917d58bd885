package org.s11evaluator.cycle;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules ask of the cycles' tables ({@code audit_cycle}, {@code cycle_agency}, {@code agency}), in as few
 * queries as the question allows: a list of ids is answered in one query per thousand, never one per row.
 */
@Component
public class CycleQueries {

	/** The cycle as a summary heads it: its partnership's name, its pack, its dates and its cycle.yaml. */
	public record CycleDetails(String id, String title, String partnershipId, String partnershipName, String packId, LocalDate opensOn,
			LocalDate returnDeadline, String definitionFile) {
	}

	/** A cycle that opened before another, by id and title. */
	public record CycleTitle(String id, String title) {
	}

	/** A registered agency. */
	public record Agency(String id, String name, String sector) {
	}

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
		agencies(agencyIds).forEach((id, agency) -> names.put(id, agency.name()));
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

	/** The cycle with its partnership's name, if both exist. */
	public Optional<CycleDetails> details(String cycleId) {
		return this.jdbc.query("""
				select c.id, c.title, c.partnership_id, p.name, c.pack_id, c.opens_on, c.return_deadline, c.definition_file
				from audit_cycle c join partnership p on p.id = c.partnership_id where c.id = :cycle""", Map.of("cycle", cycleId),
				(rs, i) -> new CycleDetails(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8)))
			.stream()
			.findFirst();
	}

	/** The partnership's cycle that opened last before the day given, if any. */
	public Optional<CycleTitle> previous(String partnershipId, LocalDate opensOn) {
		return this.jdbc.query("""
				select id, title from audit_cycle where partnership_id = :partnership and opens_on < :opens order by opens_on desc limit 1""",
				Map.of("partnership", partnershipId, "opens", opensOn), (rs, i) -> new CycleTitle(rs.getString(1), rs.getString(2)))
			.stream()
			.findFirst();
	}

	/** The ids of the agencies the cycle's list expects a return from. */
	public Set<String> expectedIds(String cycleId) {
		return new LinkedHashSet<>(this.jdbc.queryForList("select agency_id from cycle_agency where cycle_id = :cycle order by agency_id",
				Map.of("cycle", cycleId), String.class));
	}

	/**
	 * The registered agencies among those given, by id, in the order of their names as the database sorts them (its
	 * collation, then id); an id with no registered agency is left out.
	 */
	public Map<String, Agency> agencies(Collection<String> agencyIds) {
		Map<String, Agency> agencies = new LinkedHashMap<>();
		if (agencyIds.isEmpty()) {
			return agencies;
		}
		this.jdbc.query("select id, name, sector from agency where id in (:ids) order by name, id", Map.of("ids", List.copyOf(new LinkedHashSet<>(agencyIds))),
				(RowCallbackHandler) (rs) -> agencies.put(rs.getString(1), new Agency(rs.getString(1), rs.getString(2), rs.getString(3))));
		return agencies;
	}

}

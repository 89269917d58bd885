package org.s11evaluator.cycle;

import java.time.LocalDate;
import java.util.Collection;
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
 * What a cycle's board summary needs of the cycles' tables: the cycle as it is headed, the one before it, who it
 * expects, the agencies by id, and the pack each agency's return is judged by. One query each, whatever the number of
 * agencies.
 */
@Component
public class CycleRegister {

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

	CycleRegister(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

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

	/**
	 * The pack a return from each agency given is judged by in the cycle, as {@link CycleGroups#SUBMISSION_PACK} defines it:
	 * the agency's own (on the cycle's list), else the template listing its sector, else the cycle's pack. One query.
	 */
	public Map<String, String> packsOfReturns(String cycleId, Collection<String> agencyIds) {
		Map<String, String> packs = new LinkedHashMap<>();
		if (agencyIds.isEmpty()) {
			return packs;
		}
		List<String> ids = List.copyOf(new LinkedHashSet<>(agencyIds));
		String[] cyclePack = new String[1];
		Map<String, String> found = new java.util.HashMap<>();
		this.jdbc.query("""
				select c.pack_id, a.id, coalesce(ca.pack_id, ts.pack_id, c.pack_id) from audit_cycle c
				left join agency a on a.id in (:ids)
				left join cycle_agency ca on ca.cycle_id = c.id and ca.agency_id = a.id
				left join cycle_template_sector ts on ts.cycle_id = c.id and ts.sector = a.sector
				where c.id = :cycle""", Map.of("cycle", cycleId, "ids", ids), (RowCallbackHandler) (rs) -> {
			cyclePack[0] = rs.getString(1);
			if (rs.getString(2) != null) {
				found.put(rs.getString(2), rs.getString(3));
			}
		});
		if (cyclePack[0] == null) {
			return packs;
		}
		// an agency not registered has no sector nor place on the list: its return is judged by the cycle's pack
		ids.forEach((id) -> packs.put(id, found.getOrDefault(id, cyclePack[0])));
		return packs;
	}

}

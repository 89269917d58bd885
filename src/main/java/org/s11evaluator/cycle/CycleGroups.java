package org.s11evaluator.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A cycle's groups as its cycle.yaml defines them ({@link CycleGroup}) and the template each return is judged by:
 * its agency's (chosen per agency or by its sector when the cycle was opened), else, for an agency not on the list,
 * the template listing its sector, else the cycle's pack.
 */
@Service
public class CycleGroups {

	private final JdbcClient jdbc;

	CycleGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of the groups of each cycle in a run's scope ({@link RunScope}) that has groups, in the cycle.yaml's
	 * order: one query for all of them (a night's check of the summaries on disk).
	 */
	public Map<String, List<String>> idsInScope(String scope) {
		Map<String, Object> parameters = new java.util.HashMap<>();
		String where = RunScope.sql(scope, "c", parameters);
		Map<String, List<String>> ids = new java.util.HashMap<>();
		this.jdbc.sql("select g.cycle_id, g.group_id from cycle_group g join audit_cycle c on c.id = g.cycle_id where " + where
				+ " order by g.cycle_id, g.position")
			.params(parameters)
			.query((rs) -> {
				ids.computeIfAbsent(rs.getString(1), (c) -> new ArrayList<>()).add(rs.getString(2));
			});
		return ids;
	}

	/** The cycle's groups in the cycle.yaml's order; empty for a cycle of one template and one partnership. */
	public List<CycleGroup> of(String cycleId) {
		Map<String, List<String>> members = new LinkedHashMap<>();
		this.jdbc.sql("""
				select ga.group_id, ga.agency_id from cycle_group_agency ga
				left join agency a on a.id = ga.agency_id where ga.cycle_id = ? order by ga.group_id, a.name""")
			.param(cycleId)
			.query((rs) -> {
				members.computeIfAbsent(rs.getString(1), (g) -> new ArrayList<>()).add(rs.getString(2));
			});
		return this.jdbc.sql("select group_id, kind, name, pack_id from cycle_group where cycle_id = ? order by position")
			.param(cycleId)
			.query((rs, i) -> new CycleGroup(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					members.getOrDefault(rs.getString(1), List.of())))
			.list();
	}

	/** Whether the cycle judges its agencies by several templates. */
	public boolean hasTemplates(String cycleId) {
		return this.of(cycleId).stream().anyMatch(CycleGroup::isTemplate);
	}

	/**
	 * The template (pack) a return from this agency is judged by in the cycle; empty when the cycle has templates and
	 * none is the agency's nor lists its sector.
	 */
	public Optional<String> templateFor(String cycleId, String agencyId, String sector) {
		Optional<String> own = this.jdbc.sql("select pack_id from cycle_agency where cycle_id = ? and agency_id = ? and pack_id is not null")
			.params(cycleId, agencyId)
			.query(String.class)
			.optional();
		if (own.isPresent()) {
			return own;
		}
		boolean listed = this.jdbc.sql("select count(*) from cycle_agency where cycle_id = ? and agency_id = ?").params(cycleId, agencyId)
			.query(Integer.class).single() > 0;
		String knownSector = (sector != null) ? sector
				: this.jdbc.sql("select sector from agency where id = ?").param(agencyId).query(String.class).optional().orElse(null);
		if (!listed && knownSector != null) {
			Optional<String> bySector = this.jdbc.sql("select pack_id from cycle_template_sector where cycle_id = ? and sector = ?")
				.params(cycleId, knownSector)
				.query(String.class)
				.optional();
			if (bySector.isPresent()) {
				return bySector;
			}
		}
		if (hasTemplates(cycleId)) {
			return Optional.empty();
		}
		return this.jdbc.sql("select pack_id from audit_cycle where id = ?").param(cycleId).query(String.class).optional();
	}

	/** The sectors each template of the cycle covers (for messages), by pack. */
	public Map<String, List<String>> sectorsByTemplate(String cycleId) {
		Map<String, List<String>> sectors = new LinkedHashMap<>();
		this.jdbc.sql("select pack_id, sector from cycle_template_sector where cycle_id = ? order by pack_id, sector")
			.param(cycleId)
			.query((rs) -> {
				sectors.computeIfAbsent(rs.getString(1), (p) -> new ArrayList<>()).add(rs.getString(2));
			});
		return sectors;
	}

}

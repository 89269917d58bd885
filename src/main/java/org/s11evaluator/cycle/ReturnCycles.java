package org.s11evaluator.cycle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the stored returns need to know of the cycle they belong to, for many agencies at once: one query per
 * thousand agencies, never one per return.
 */
@Component
public class ReturnCycles {

	private static final int IDS_PER_QUERY = 1000;

	/**
	 * An agency as a return of the cycle stands: its registered name and sector, the cycle's partnership, and the pack
	 * (template) its return is judged by: the agency's own (chosen per agency or by its sector when the cycle was opened),
	 * else, for an agency not on the list, the template listing its sector, else the cycle's pack.
	 */
	public record AgencyInCycle(String agencyId, String agencyName, String agencySector, String partnershipId, String packId) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	ReturnCycles(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The registered agencies given, as returns of the cycle stand, by agency id; unknown agencies (or cycle) are left out. */
	public Map<String, AgencyInCycle> agencies(String cycleId, Collection<String> agencyIds) {
		Map<String, AgencyInCycle> agencies = new LinkedHashMap<>();
		List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(agencyIds));
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			this.jdbc.query("""
					select a.id, a.name, a.sector, c.partnership_id,
					  coalesce((select ca.pack_id from cycle_agency ca where ca.cycle_id = c.id and ca.agency_id = a.id),
					    (select ts.pack_id from cycle_template_sector ts where ts.cycle_id = c.id and ts.sector = a.sector), c.pack_id)
					from audit_cycle c join agency a on a.id in (:ids) where c.id = :cycle""",
					Map.of("cycle", cycleId, "ids", ids.subList(from, Math.min(from + IDS_PER_QUERY, ids.size()))),
					(RowCallbackHandler) (rs) -> agencies.put(rs.getString(1),
							new AgencyInCycle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
		}
		return agencies;
	}

	/**
	 * The cycles of the same partnership that opened before this one, latest first (where a template for the cycle
	 * looks for an agency's earlier return).
	 */
	public List<String> earlierOfSamePartnership(String cycleId) {
		return this.jdbc.queryForList("""
				select earlier.id from audit_cycle earlier join audit_cycle this_cycle on this_cycle.id = :cycle
				where earlier.partnership_id = this_cycle.partnership_id and earlier.opens_on < this_cycle.opens_on
				order by earlier.opens_on desc, earlier.id desc""", Map.of("cycle", cycleId), String.class);
	}

}

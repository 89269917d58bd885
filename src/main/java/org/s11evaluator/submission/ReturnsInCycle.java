package org.s11evaluator.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.cycle.CycleOpened;
import org.s11evaluator.cycle.ReturnCycles;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps what the stored returns hold of their cycle (partnership, agency name and sector, the pack each is judged by) as the
 * cycle module says it is, whenever a cycle.yaml is read: the cycle's own returns (its pack, templates and list may
 * have changed) and the other returns of the agencies it lists (their names and sectors may have changed). A few
 * queries per cycle opened, none on the evaluation's path.
 */
@Component
class ReturnsInCycle {

	private final NamedParameterJdbcTemplate jdbc;

	private final ReturnCycles cycles;

	ReturnsInCycle(NamedParameterJdbcTemplate jdbc, ReturnCycles cycles) {
		this.jdbc = jdbc;
		this.cycles = cycles;
	}

	@EventListener
	void on(CycleOpened opened) {
		record Stored(long id, String agencyId) {
		}
		Map<String, List<Stored>> byCycle = new HashMap<>();
		RowCallbackHandler collect = (rs) -> byCycle.computeIfAbsent(rs.getString(2), (c) -> new ArrayList<>())
			.add(new Stored(rs.getLong(1), rs.getString(3)));
		this.jdbc.query("select id, cycle_id, agency_id from submission where cycle_id = :cycle", Map.of("cycle", opened.cycleId()), collect);
		List<String> agencies = opened.agencyIds();
		for (int from = 0; from < agencies.size(); from += StoredReturns.IDS_PER_QUERY) {
			this.jdbc.query("select id, cycle_id, agency_id from submission where agency_id in (:agencies) and cycle_id <> :cycle",
					Map.of("agencies", agencies.subList(from, Math.min(from + StoredReturns.IDS_PER_QUERY, agencies.size())), "cycle",
							opened.cycleId()), collect);
		}
		List<Object[]> updates = new ArrayList<>();
		byCycle.forEach((cycleId, returns) -> {
			Map<String, ReturnCycles.AgencyInCycle> now = this.cycles.agencies(cycleId, returns.stream().map(Stored::agencyId).toList());
			for (Stored stored : returns) {
				ReturnCycles.AgencyInCycle agency = now.get(stored.agencyId());
				if (agency != null) {
					updates.add(new Object[] { agency.partnershipId(), agency.agencyName(), agency.agencySector(), agency.packId(), stored.id() });
				}
			}
		});
		if (!updates.isEmpty()) {
			this.jdbc.getJdbcTemplate().batchUpdate("update submission set partnership_id = ?, agency_name = ?, agency_sector = ?, pack_id = ? where id = ?",
					updates);
		}
	}

}

package org.s11evaluator.cycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a cycle's ratings and summary depend on of the cycle's own records, for change detection: its details, its
 * partnership's name, its register of agencies with their names and sectors, its groups (each with its agencies and
 * pack) and the cycle just before it. Two queries for the whole list of cycles, never one per cycle.
 */
@Component
public class CycleInputTexts {

	private final JdbcClient jdbc;

	CycleInputTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A cycle's inputs: {@code text} changes whenever its records do; {@code groupPackIds} are its groups' packs in
	 * order (whose versions count too); {@code previous} is the partnership's cycle just before it, if any.
	 */
	public record Input(String text, List<String> groupPackIds, Previous previous) {
	}

	/** The cycle just before another: its status and latest published edition ({@code null} while it has none). */
	public record Previous(String id, String status, Integer latestEdition) {

		/** As text, for a fingerprint. */
		public String text() {
			return this.id + ":" + this.status + ":" + ((this.latestEdition != null) ? this.latestEdition : "");
		}

	}

	/** The inputs of each of the cycles given that exists. */
	public Map<String, Input> of(List<String> cycleIds) {
		Map<String, Input> inputs = new HashMap<>();
		if (cycleIds.isEmpty()) {
			return inputs;
		}
		Map<String, StringBuilder> groups = new HashMap<>();
		Map<String, List<String>> groupPacks = new HashMap<>();
		this.jdbc.sql("""
				select g.cycle_id, g.group_id, g.pack_id, (select group_concat(a.agency_id order by a.agency_id) from cycle_group_agency a
				  where a.cycle_id = g.cycle_id and a.group_id = g.group_id)
				from cycle_group g where g.cycle_id in (:ids) order by g.cycle_id, g.position""")
			.param("ids", cycleIds)
			.query((rs) -> {
				groups.computeIfAbsent(rs.getString(1), (id) -> new StringBuilder())
					.append("|group ").append(rs.getString(2)).append(':').append(rs.getString(4)).append(" pack ").append(rs.getString(3));
				groupPacks.computeIfAbsent(rs.getString(1), (id) -> new ArrayList<>()).add(rs.getString(3));
			});
		this.jdbc.sql("""
				select c.id, concat_ws('|', c.title, c.partnership_id, c.pack_id, c.opens_on, c.return_deadline, c.status,
				  (select p.name from partnership p where p.id = c.partnership_id),
				  (select concat_ws(':', count(*), sum(crc32(concat_ws('/', a.id, a.name, a.sector))))
				     from cycle_agency ca join agency a on a.id = ca.agency_id where ca.cycle_id = c.id)),
				  p.id, p.status, p.latest_edition
				from audit_cycle c left join audit_cycle p on p.id = (select b.id from audit_cycle b
				  where b.partnership_id = c.partnership_id and b.opens_on < c.opens_on order by b.opens_on desc limit 1)
				where c.id in (:ids)""")
			.param("ids", cycleIds)
			.query((rs) -> {
				String id = rs.getString(1);
				Previous previous = (rs.getString(3) != null)
						? new Previous(rs.getString(3), rs.getString(4), (Integer) rs.getObject(5, Integer.class)) : null;
				inputs.put(id, new Input("cycle " + rs.getString(2) + groups.getOrDefault(id, new StringBuilder()),
						List.copyOf(groupPacks.getOrDefault(id, List.of())), previous));
			});
		return inputs;
	}

}

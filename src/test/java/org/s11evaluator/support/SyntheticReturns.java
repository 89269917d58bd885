package org.s11evaluator.support;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.s11evaluator.rules.Framework;
import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts many realistic returns for a cycle straight into the database, deterministically from a seed. */
public final class SyntheticReturns {

	/** Roughly what real returns look like: mostly green, about one item in ten amber or red, a few N/A. */
	private static final String[] RATINGS = { "green", "green", "green", "green", "green", "green", "green", "green", "green",
			"green", "green", "green", "green", "green", "green", "green", "amber", "amber", "red", "n/a" };

	private SyntheticReturns() {
	}

	public static void insert(JdbcTemplate jdbc, String cycleId, Framework framework, int count, long seed) {
		insert(jdbc, cycleId, framework, count, seed, "synthetic-agency-");
	}

	/** The same, for agencies whose ids start with {@code agencyPrefix} (to fill more than one cycle). */
	public static void insert(JdbcTemplate jdbc, String cycleId, Framework framework, int count, long seed, String agencyPrefix) {
		Random random = new Random(seed);
		List<Object[]> agencies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			agencies.add(new Object[] { agencyPrefix + String.format("%05d", i), "Synthetic agency " + i });
		}
		jdbc.batchUpdate("insert into agency (id, name) values (?, ?)", agencies);
		jdbc.batchUpdate("""
				insert into submission (cycle_id, agency_id, version, content_hash, source, completed_by_name, submitted_at,
				  imported_at, document) values (?, ?, 1, ?, 'synthetic', 'Sam Synthetic', ?, ?, '{}')""",
				agencies.stream().map((a) -> new Object[] { cycleId, a[0], "0".repeat(64), LocalDateTime.of(2025, 3, 1, 9, 0),
						LocalDateTime.now() }).toList());
		// what the submission module records of a return's cycle when it stores one (see ReturnCycles): written here as
		// the test data is, straight into the table
		jdbc.update("""
				update submission s join audit_cycle c on c.id = s.cycle_id join agency a on a.id = s.agency_id
				set s.partnership_id = c.partnership_id, s.agency_name = a.name, s.agency_sector = a.sector,
				  s.pack_id = coalesce((select ca.pack_id from cycle_agency ca where ca.cycle_id = c.id and ca.agency_id = a.id),
				    (select ts.pack_id from cycle_template_sector ts where ts.cycle_id = c.id and ts.sector = a.sector), c.pack_id)
				where s.cycle_id = ? and s.source = 'synthetic'""", cycleId);
		List<Long> ids = jdbc.queryForList("select id from submission where cycle_id = ? and source = 'synthetic' order by id", Long.class, cycleId);
		List<Object[]> responses = new ArrayList<>();
		for (long id : ids) {
			for (Framework.Standard standard : framework.standards()) {
				for (Framework.Item item : standard.items()) {
					String rating = RATINGS[random.nextInt(RATINGS.length)];
					String evidence = random.nextInt(10) == 0 ? null : "Audit of " + item.id() + " in 2024 found it embedded.";
					responses.add(new Object[] { id, item.id(), standard.id(), rating, evidence });
				}
			}
			if (responses.size() > 5000) {
				flush(jdbc, responses);
			}
		}
		flush(jdbc, responses);
	}

	private static void flush(JdbcTemplate jdbc, List<Object[]> responses) {
		jdbc.batchUpdate("insert into item_response (submission_id, item_id, standard_id, rating, evidence_text) values (?, ?, ?, ?, ?)", responses);
		responses.clear();
	}

	public static String agencyId(int i) {
		return String.format("synthetic-agency-%05d", i);
	}

}

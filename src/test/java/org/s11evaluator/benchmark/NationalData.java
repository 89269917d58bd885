package org.s11evaluator.benchmark;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Synthetic but realistic national-scale audit data, the same for the same seed: partnerships across
 * England, each with an open cycle judged by one of the rule packs in the rules folder (as London boroughs
 * share the Pan-London standards), and a full return from every agency answering every item of its pack's
 * framework. Most items are rated at the top of the scale; about one in eight lower, with N/A where the scale
 * has it (usually with a reason); most answers carry evidence and a review date; most lower ratings come with
 * the agency's own action, lead and due date. Rows go straight into the tables, in large JDBC batches.
 */
final class NationalData {

	private static final Logger log = LoggerFactory.getLogger(NationalData.class);

	private static final int BATCH = 5000;

	private static final String[] SECTORS = { "police", "local-authority", "health", "health", "health", "education", "probation",
			"youth-justice", "voluntary", "voluntary", "housing", "early-years" };

	private static final String[] EVIDENCE = { "Annual safeguarding audit of %s found the policy embedded in practice.",
			"Supervision records sampled for %s; 18 of 20 met the standard.", "Training matrix shows 94%% of staff trained on %s.",
			"Board minutes record quarterly review of %s.", "Case file audit (%s) completed and actions tracked.",
			"Policy for %s reviewed and signed off by the executive lead." };

	/** What was generated. */
	record Size(int partnerships, int agencies, int returns, long responses, long actions) {
	}

	private NationalData() {
	}

	/** True for the id of a cycle the benchmark generates ({@code partnership-007-2026}). */
	static boolean generated(String cycleId) {
		return cycleId.matches("partnership-\\d{3,}-2026");
	}

	/** Id of the {@code i}th generated partnership. */
	static String partnership(int i) {
		return String.format("partnership-%03d", i);
	}

	static Size generate(JdbcTemplate jdbc, RulePacks packs, int partnerships, int agenciesEach, long seed) {
		Random random = new Random(seed);
		List<RulePack> templates = packs.ids().stream().map(packs::load).toList();
		if (templates.isEmpty()) {
			throw new IllegalStateException("No rule packs in the rules folder to generate returns for");
		}
		long responses = 0;
		long actions = 0;
		List<Object[]> responseRows = new ArrayList<>();
		List<Object[]> actionRows = new ArrayList<>();
		for (int p = 0; p < partnerships; p++) {
			String partnership = partnership(p);
			RulePack pack = templates.get(p % templates.size());
			Framework framework = pack.framework();
			String cycle = partnership + "-2026";
			jdbc.update("insert into partnership (id, name) values (?, ?)", partnership, "Safeguarding Children Partnership " + (p + 1));
			jdbc.update("""
					insert into audit_cycle (id, partnership_id, pack_id, title, opens_on, return_deadline, status)
					values (?, ?, ?, ?, ?, ?, 'OPEN')""", cycle, partnership, pack.id(),
					"Section 11 audit 2026 (" + pack.id() + " tool)", LocalDate.of(2026, 4, 6), LocalDate.of(2026, 6, 30));
			List<Object[]> agencies = new ArrayList<>();
			for (int a = 0; a < agenciesEach; a++) {
				String sector = SECTORS[random.nextInt(SECTORS.length)];
				agencies.add(new Object[] { partnership + "-agency-" + String.format("%03d", a), "Agency " + (a + 1) + " (" + sector + ") of partnership " + (p + 1), sector });
			}
			jdbc.batchUpdate("insert into agency (id, name, sector) values (?, ?, ?)", agencies);
			jdbc.batchUpdate("insert into cycle_agency (cycle_id, agency_id) values (?, ?)",
					agencies.stream().map((a) -> new Object[] { cycle, a[0] }).toList());
			jdbc.batchUpdate("""
					insert into submission (cycle_id, agency_id, version, content_hash, source, completed_by_name, completed_by_role,
					  submitted_at, imported_at, document) values (?, ?, 1, ?, 'benchmark', ?, 'Designated safeguarding lead', ?, ?, '{}')""",
					agencies.stream().map((a) -> new Object[] { cycle, a[0], String.format("%064x", random.nextLong() & Long.MAX_VALUE),
							"Lead officer " + random.nextInt(10_000), LocalDateTime.of(2026, 6, 1 + random.nextInt(29), 9 + random.nextInt(8), 0),
							LocalDateTime.of(2026, 7, 1, 2, 0) }).toList());
			List<Long> ids = jdbc.queryForList("select id from submission where cycle_id = ? order by id", Long.class, cycle);
			List<String> codes = framework.scale().codes();
			for (long id : ids) {
				int position = 0;
				for (Framework.Standard standard : framework.standards()) {
					for (Framework.Item item : standard.items()) {
						String rating = rating(codes, random);
						boolean top = rating.equals(codes.get(0));
						boolean na = rating.equals("n/a");
						String evidence = (random.nextInt(10) == 0) ? null : String.format(EVIDENCE[random.nextInt(EVIDENCE.length)], item.id());
						String links = (random.nextInt(4) == 0) ? "[\"https://intranet.example.org/evidence/" + id + "/" + item.id() + "\"]" : null;
						String naReason = (na && random.nextInt(10) != 0) ? "The service does not work directly with children." : null;
						LocalDate reviewed = (random.nextInt(8) == 0) ? null : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1200));
						responseRows.add(new Object[] { id, item.id(), standard.id(), rating,
								"We " + (top ? "meet" : "are working towards") + " item " + item.id() + ".", evidence, links, naReason, reviewed });
						if (!top && !na && random.nextInt(10) < 7) {
							actionRows.add(new Object[] { id, position++, item.id(), standard.id(), "Improve practice on item " + item.id()
									+ " through training and audit.", "Head of service " + random.nextInt(100),
									LocalDate.of(2026, 7, 1).plusDays(30 + random.nextInt(300)) });
						}
					}
				}
				if (responseRows.size() >= BATCH) {
					responses += flushResponses(jdbc, responseRows);
					actions += flushActions(jdbc, actionRows);
				}
			}
			if ((p + 1) % 10 == 0 || p + 1 == partnerships) {
				log.info("Generated {}/{} partnerships", p + 1, partnerships);
			}
		}
		responses += flushResponses(jdbc, responseRows);
		actions += flushActions(jdbc, actionRows);
		return new Size(partnerships, agenciesEach, partnerships * agenciesEach, responses, actions);
	}

	/** Mostly the top of the scale; then each lower level less often; N/A (when the scale has it) now and then. */
	private static String rating(List<String> codes, Random random) {
		int roll = random.nextInt(100);
		List<String> graded = codes.stream().filter((c) -> !c.equals("n/a")).toList();
		if (roll < 86) {
			return graded.get(0);
		}
		if (roll < 97 || !codes.contains("n/a")) {
			return graded.get(1 + random.nextInt(graded.size() - 1));
		}
		return "n/a";
	}

	private static long flushResponses(JdbcTemplate jdbc, List<Object[]> rows) {
		jdbc.batchUpdate("""
				insert into item_response (submission_id, item_id, standard_id, rating, statement, evidence_text, evidence_links,
				  na_reason, last_reviewed) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		long count = rows.size();
		rows.clear();
		return count;
	}

	private static long flushActions(JdbcTemplate jdbc, List<Object[]> rows) {
		jdbc.batchUpdate("""
				insert into agency_action (submission_id, position, item_id, standard_id, action_text, lead_name, due_date)
				values (?, ?, ?, ?, ?, ?, ?)""", rows);
		long count = rows.size();
		rows.clear();
		return count;
	}

}

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

	/**
	 * The packs the national night is generated with, in turn: the three the benchmark has measured since it began
	 * (45 to 48 items each), so that its figures stay comparable as packs are added; any pack when none of them is in
	 * the rules folder.
	 */
	static final List<String> NATIONAL_MIX = List.of("barking-and-dagenham", "pan-london-2012", "pan-sussex");

	static List<String> packsUsed(RulePacks packs) {
		List<String> mix = packs.ids().stream().filter(NATIONAL_MIX::contains).toList();
		return mix.isEmpty() ? packs.ids() : mix;
	}

	static Size generate(JdbcTemplate jdbc, RulePacks packs, int partnerships, int agenciesEach, long seed) {
		Random random = new Random(seed);
		List<RulePack> templates = packsUsed(packs).stream().map(packs::load).toList();
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
			// each return whole first (its answers and actions), so that its stored document says what its rows say
			List<Object[]> headers = new ArrayList<>();
			List<List<Object[]>> answersOf = new ArrayList<>();
			List<List<Object[]>> actionsOf = new ArrayList<>();
			List<String> codes = framework.scale().codes();
			for (Object[] agency : agencies) {
				String lead = "Lead officer " + random.nextInt(10_000);
				LocalDateTime submitted = LocalDateTime.of(2026, 6, 1 + random.nextInt(29), 9 + random.nextInt(8), 0);
				String hash = String.format("%064x", random.nextLong() & Long.MAX_VALUE);
				List<Object[]> answers = new ArrayList<>();
				List<Object[]> actionList = new ArrayList<>();
				int position = 0;
				for (Framework.Standard standard : framework.standards()) {
					for (Framework.Item item : standard.items()) {
						String rating = rating(codes, random);
						boolean top = rating.equals(codes.get(0));
						boolean na = rating.equals("n/a");
						String evidence = (random.nextInt(10) == 0) ? null : String.format(EVIDENCE[random.nextInt(EVIDENCE.length)], item.id());
						String links = (random.nextInt(4) == 0) ? "[\"https://intranet.example.org/evidence/" + agency[0] + "/" + item.id() + "\"]" : null;
						String naReason = (na && random.nextInt(10) != 0) ? "The service does not work directly with children." : null;
						LocalDate reviewed = (random.nextInt(8) == 0) ? null : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1200));
						answers.add(new Object[] { null, item.id(), standard.id(), rating,
								"We " + (top ? "meet" : "are working towards") + " item " + item.id() + ".", evidence, links, naReason, reviewed });
						if (!top && !na && random.nextInt(10) < 7) {
							actionList.add(new Object[] { null, position++, item.id(), standard.id(), "Improve practice on item " + item.id()
									+ " through training and audit.", "Head of service " + random.nextInt(100),
									LocalDate.of(2026, 7, 1).plusDays(30 + random.nextInt(300)) });
						}
					}
				}
				// with what the submission module records of the return's cycle: its partnership, the agency's name and sector, the
				// cycle's pack
				headers.add(new Object[] { cycle, agency[0], hash, lead, submitted, LocalDateTime.of(2026, 7, 1, 2, 0),
						document(partnership, cycle, agency, lead, submitted, answers, actionList), partnership, agency[1], agency[2], pack.id() });
				answersOf.add(answers);
				actionsOf.add(actionList);
			}
			jdbc.batchUpdate("""
					insert into submission (cycle_id, agency_id, version, content_hash, source, completed_by_name, completed_by_role,
					  submitted_at, imported_at, document, partnership_id, agency_name, agency_sector, pack_id)
					values (?, ?, 1, ?, 'benchmark', ?, 'Designated safeguarding lead', ?, ?, ?, ?, ?, ?, ?)""",
					headers);
			java.util.Map<String, Long> ids = new java.util.HashMap<>();
			jdbc.query("select id, agency_id from submission where cycle_id = ?",
					(org.springframework.jdbc.core.RowCallbackHandler) (rs) -> ids.put(rs.getString(2), rs.getLong(1)), cycle);
			for (int a = 0; a < agencies.size(); a++) {
				long id = ids.get((String) agencies.get(a)[0]);
				for (Object[] answer : answersOf.get(a)) {
					answer[0] = id;
					responseRows.add(answer);
				}
				for (Object[] action : actionsOf.get(a)) {
					action[0] = id;
					actionRows.add(action);
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

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
		.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
		.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	/** The return as an agency sends it (docs/submission.schema.json), as the submission's stored document. */
	private static String document(String partnership, String cycle, Object[] agency, String lead, LocalDateTime submitted,
			List<Object[]> answers, List<Object[]> actions) {
		java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
		doc.put("partnership", partnership);
		doc.put("cycle", cycle);
		doc.put("agency", java.util.Map.of("id", agency[0], "name", agency[1], "sector", agency[2]));
		doc.put("completedBy", java.util.Map.of("name", lead, "role", "Designated safeguarding lead"));
		doc.put("submittedAt", submitted.toInstant(java.time.ZoneOffset.UTC).toString());
		List<Object> responses = new ArrayList<>();
		for (Object[] a : answers) {
			java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
			r.put("item", a[1]);
			r.put("standard", a[2]);
			r.put("rating", a[3]);
			r.put("statement", a[4]);
			r.put("evidenceText", a[5]);
			r.put("evidenceLinks", (a[6] == null) ? List.of() : List.of(((String) a[6]).replaceAll("^\\[\"|\"\\]$", "")));
			r.put("naReason", a[7]);
			r.put("lastReviewed", (a[8] == null) ? null : a[8].toString());
			responses.add(r);
		}
		doc.put("responses", responses);
		List<Object> committed = new ArrayList<>();
		for (Object[] a : actions) {
			java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
			r.put("item", a[2]);
			r.put("standard", a[3]);
			r.put("action", a[4]);
			r.put("lead", a[5]);
			r.put("due", a[6].toString());
			committed.add(r);
		}
		doc.put("actions", committed);
		try {
			return JSON.writeValueAsString(doc);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
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

package org.s11evaluator.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.AuditCalendar;
import org.s11evaluator.cycle.CycleGroup;
import org.s11evaluator.cycle.CycleGroups;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds a cycle's board summary from the stored results. */
@Component
public class CycleSummaryQuery {

	private static final Map<String, Integer> SEVERITY = Map.of("GREEN", 1, "AMBER", 2, "RED", 3);

	private final JdbcClient jdbc;

	private final RulePacks packs;

	private final CycleResultsQuery results;

	private final AuditTrail audit;

	private final ObjectMapper json;

	private final Clock clock;

	private final CycleGroups groups;

	private final org.springframework.beans.factory.ObjectProvider<org.s11evaluator.moderation.ModerationManagement> moderation;

	CycleSummaryQuery(JdbcClient jdbc, RulePacks packs, CycleResultsQuery results, AuditTrail audit, ObjectMapper json, Clock clock,
			CycleGroups groups, org.springframework.beans.factory.ObjectProvider<org.s11evaluator.moderation.ModerationManagement> moderation) {
		this.moderation = moderation;
		this.clock = clock;
		this.groups = groups;
		this.audit = audit;
		this.json = json;
		this.jdbc = jdbc;
		this.packs = packs;
		this.results = results;
	}

	public CycleSummary build(String cycleId, LocalDate asOf) {
		return build(cycleId, asOf, SummaryScope.WHOLE);
	}

	/**
	 * The summary of one group of the cycle (its agencies, its pack, its partnership ratings), or of the whole cycle;
	 * the whole cycle's summary of a cycle with groups shows them side by side ({@link CycleSummary#groups()}).
	 */
	CycleSummary build(String cycleId, LocalDate asOf, SummaryScope scope) {
		CycleSummary.CycleInfo whole = this.jdbc.sql("""
				select c.id, c.title, c.partnership_id, p.name as partnership_name, c.pack_id, c.opens_on, c.return_deadline
				from audit_cycle c join partnership p on p.id = c.partnership_id where c.id = ?""")
			.param(cycleId)
			.query(CycleSummary.CycleInfo.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		List<CycleGroup> groups = this.groups.of(cycleId);
		boolean byTemplate = groups.stream().anyMatch(CycleGroup::isTemplate);
		CycleSummary.CycleInfo cycle = scope.whole() ? whole : new CycleSummary.CycleInfo(whole.id(), whole.title() + ": " + scope.group().name(),
				whole.partnershipId(), scope.group().isTemplate() ? whole.partnershipName() : scope.group().name(), scope.group().packId(),
				whole.opensOn(), whole.returnDeadline());
		Framework framework = this.packs.load(cycle.packId()).framework();
		Map<String, String> packOfAgency = packOfAgency(cycleId);
		java.util.function.Predicate<String> inScope = (agency) -> scope.whole() || scope.expectedAgencies().contains(agency)
				|| (!scope.expectedAgencies().contains(agency) && packOfAgency.containsKey(agency) && scope.includes(agency, packOfAgency.get(agency)));
		// the whole of a cycle judged by several templates has no one framework: its groups are shown side by side instead
		boolean noFramework = scope.whole() && byTemplate;
		CycleResults agencyResults = this.results.load(cycleId);
		List<CycleSummary.RegisterEntry> register = register(cycle).stream().filter((r) -> inScope.test(r.agencyId())).toList();
		Map<String, CycleSummary.Rating> ratings = partnershipRatings(cycleId, scope.groupId());
		Map<String, Map<String, Integer>> answers = answers(cycleId, framework, inScope);
		List<CycleSummary.StandardSummary> standards = noFramework ? List.of() : framework.standards().stream()
			.map((s) -> new CycleSummary.StandardSummary(s.id(), s.title(), s.modelled(), ratings.get(key(s.id(), null)),
					s.items().stream().map((i) -> new CycleSummary.ItemSummary(i.id(), i.text(), ratings.get(key(s.id(), i.id())),
							levelCounts(framework, answers.getOrDefault(i.id(), Map.of())))).toList()))
			.toList();
		List<CycleSummary.HeatmapRow> heatmap = noFramework ? List.of() : agencyResults.agencies().stream()
			.filter((a) -> inScope.test(a.agencyId()))
			.sorted(Comparator.comparing(CycleResults.AgencyResult::agencyName, NaturalOrder.INSTANCE))
			.map((a) -> new CycleSummary.HeatmapRow(a.agencyId(), a.agencyName(), framework.standards().stream()
				.map((s) -> a.standards().stream().filter((r) -> r.standardId().equals(s.id())).map(CycleResults.Rating::rag)
					.findFirst().orElse("NOT_RATED"))
				.toList()))
			.toList();
		List<CycleSummary.PolicyRule> policy = this.jdbc.sql("""
				select rule_name, max(policy) from partnership_rating where cycle_id = ? and (group_id = ? or ?)
				group by rule_name order by rule_name""")
			.params(cycleId, scope.groupId(), noFramework)
			.query((rs, i) -> new CycleSummary.PolicyRule(rs.getString(1), rs.getString(2)))
			.list();
		List<CycleSummary.RejectedFile> rejected = agencyResults.rejected().stream()
			.filter((r) -> scope.whole() || (r.agencyId() != null && inScope.test(r.agencyId())))
			.map((r) -> new CycleSummary.RejectedFile(r.source().replaceAll("^.*/", ""), r.agencyId(), AuditCalendar.local(r.receivedAt()), r.reasons()))
			.toList();
		List<CycleSummary.PlanEntry> plan = improvementPlan(cycleId, asOf).stream().filter((a) -> inScope.test(a.agencyId())).toList();
		CycleSummary.Provenance provenance = provenance(cycleId, scope.groupId());
		provenance = new CycleSummary.Provenance(provenance.partnershipRulePackVersion(), provenance.evaluationRulePackVersions(),
				provenance.submissions().stream().filter((x) -> inScope.test(x.agencyId())).toList(), provenance.history());
		return new CycleSummary(CycleSummary.FORMAT, this.clock.instant(), asOf, cycle, participation(cycleId, register, rejected.size(), scope), register,
				rejected, policy, standards, heatmap, plan,
				noFramework ? new CycleSummary.Progress(null, null, List.of(), List.of(), List.of(), null)
						: progress(cycle, ratings, framework, asOf, scope, inScope),
				themes(cycleId, inScope), provenance, framing(framework),
				NarrativeFile.read(this.jdbc.sql("select definition_file from audit_cycle where id = ?")
					.param(cycleId).query(String.class).optional().orElse(null)),
				scope.whole() ? groupSummaries(cycleId, groups, register, packOfAgency) : List.of(),
				moderation(cycleId, cycle.packId(), framework, inScope, register));
	}

	/**
	 * The moderated ratings in force for the agencies in scope, each beside the agency's own rating, in the scale's
	 * words, by agency (natural order) and item; and whether the partnership-wide rating counts them.
	 */
	private CycleSummary.Moderation moderation(String cycleId, String packId, Framework framework, java.util.function.Predicate<String> inScope,
			List<CycleSummary.RegisterEntry> register) {
		boolean countsModerated = org.s11evaluator.partnershiprating.RatingModeration.countsModerated(this.packs.load(packId));
		Map<String, String> names = new HashMap<>();
		register.forEach((r) -> names.put(r.agencyId(), r.agencyName()));
		Map<String, Framework.Standard> standards = framework.standardByItemId();
		List<CycleSummary.ModeratedItem> items = this.moderation.stream()
			.flatMap((m) -> m.sideBySide(cycleId).stream())
			.filter((x) -> inScope.test(x.moderated().agencyId()) && framework.itemsById().containsKey(x.moderated().itemId()))
			.map((x) -> {
				org.s11evaluator.moderation.ModeratedRating m = x.moderated();
				Framework.Standard standard = standards.get(m.itemId());
				return new CycleSummary.ModeratedItem(m.agencyId(), names.getOrDefault(m.agencyId(), m.agencyId()),
						(standard != null) ? standard.id() : null, m.itemId(), framework.itemsById().get(m.itemId()).text(),
						(x.ownRating() == null) ? "Not answered" : framework.scale().level(x.ownRating()).map(Framework.Level::label).orElse(x.ownRating()),
						framework.scale().level(m.rating()).map(Framework.Level::label).orElse(m.rating()), m.agreedBy(), m.agreedOn(), m.reason());
			})
			.sorted(Comparator.comparing(CycleSummary.ModeratedItem::agencyName, NaturalOrder.INSTANCE)
				.thenComparing(CycleSummary.ModeratedItem::itemId, NaturalOrder.INSTANCE))
			.toList();
		return new CycleSummary.Moderation(countsModerated, items);
	}

	/** The pack each returning agency's return is judged by. */
	private Map<String, String> packOfAgency(String cycleId) {
		Map<String, String> packs = new HashMap<>();
		this.jdbc.sql("select s.agency_id, " + CycleGroups.SUBMISSION_PACK + " from submission s join audit_cycle c on c.id = s.cycle_id"
				+ " where s.cycle_id = ?")
			.param(cycleId)
			.query((rs) -> {
				packs.put(rs.getString(1), rs.getString(2));
			});
		return packs;
	}

	/**
	 * Each group of the cycle side by side, as the whole cycle's summary shows them: its template, its agencies and
	 * how each returned, and its own partnership ratings (never combined into one rating across templates).
	 */
	private List<CycleSummary.GroupSummary> groupSummaries(String cycleId, List<CycleGroup> groups, List<CycleSummary.RegisterEntry> register,
			Map<String, String> packOfAgency) {
		List<CycleSummary.GroupSummary> summaries = new ArrayList<>();
		for (CycleGroup group : groups) {
			SummaryScope scope = new SummaryScope(group);
			List<CycleSummary.RegisterEntry> members = register.stream()
				.filter((r) -> group.agencyIds().contains(r.agencyId())
						|| (!r.expected() && packOfAgency.containsKey(r.agencyId()) && scope.includes(r.agencyId(), packOfAgency.get(r.agencyId()))))
				.toList();
			Framework framework = this.packs.load(group.packId()).framework();
			Map<String, CycleSummary.Rating> ratings = partnershipRatings(cycleId, group.id());
			List<CycleSummary.GroupRating> rated = new ArrayList<>();
			for (Framework.Standard standard : framework.standards()) {
				if (framework.levels().groupsRated() || standard.items().isEmpty()) {
					rated.add(new CycleSummary.GroupRating(standard.id(), null, standard.title(), ratings.get(key(standard.id(), null))));
				}
				if (!framework.levels().groupsRated() || standard.items().size() > 1) {
					standard.items().forEach((i) -> rated.add(new CycleSummary.GroupRating(standard.id(), i.id(),
							(standard.items().size() == 1) ? standard.title() : i.text(), ratings.get(key(standard.id(), i.id())))));
				}
			}
			int rejected = this.jdbc.sql("select count(*) from rejected_submission where cycle_id = :cycle and agency_id in (:agencies)")
				.param("cycle", cycleId)
				.param("agencies", members.isEmpty() ? List.of("") : members.stream().map(CycleSummary.RegisterEntry::agencyId).toList())
				.query(Integer.class).single();
			summaries.add(new CycleSummary.GroupSummary(group.id(), group.kind(), group.name(), group.packId(), framework.source(),
					group.id() + "/summary.html", participation(members, rejected),
					members.stream().map((r) -> new CycleSummary.GroupAgency(r.agencyId(), r.agencyName(), r.status())).toList(), rated));
		}
		return summaries;
	}

	private static CycleSummary.Framing framing(Framework framework) {
		Framework.Levels levels = framework.levels();
		return new CycleSummary.Framing(levels.group(), levels.groups(), levels.line(), levels.lines(), levels.groupsRated(), levels.groupRule(),
				framework.scale().name(), levels.ragColours(), framework.scale().levels().stream()
					.map((l) -> new CycleSummary.ScaleLevel(l.code(), l.shortLabel(), l.rag())).toList());
	}

	/**
	 * How the returns counted in the partnership ratings (those evaluated) answered each item, by the scale's own
	 * codes: the ratings keep every level of the scale (four for Barking and Dagenham), where the partnership
	 * rating's counts are in red, amber and green.
	 */
	private Map<String, Map<String, Integer>> answers(String cycleId, Framework framework, java.util.function.Predicate<String> inScope) {
		Map<String, Map<String, Integer>> answers = new HashMap<>();
		this.jdbc.sql("""
				select r.item_id, r.rating, s.agency_id from item_response r join submission s on s.id = r.submission_id
				join evaluation e on e.submission_id = s.id
				where s.cycle_id = ? and e.pack_version is not null""")
			.param(cycleId)
			.query((rs) -> {
				if (inScope.test(rs.getString(3))) {
					answers.computeIfAbsent(rs.getString(1), (k) -> new HashMap<>()).merge(rs.getString(2), 1, Integer::sum);
				}
			});
		int evaluated = (int) this.jdbc.sql("""
				select s.agency_id from submission s join evaluation e on e.submission_id = s.id
				where s.cycle_id = ? and e.pack_version is not null""").param(cycleId).query(String.class).list().stream()
			.filter(inScope).count();
		for (Framework.Item item : framework.itemsById().values()) {
			Map<String, Integer> counts = answers.computeIfAbsent(item.id(), (k) -> new HashMap<>());
			counts.put(null, evaluated - counts.values().stream().mapToInt(Integer::intValue).sum());
		}
		return answers;
	}

	private static List<CycleSummary.LevelCount> levelCounts(Framework framework, Map<String, Integer> counts) {
		List<CycleSummary.LevelCount> levels = new ArrayList<>();
		framework.scale().codes().forEach((code) -> levels.add(new CycleSummary.LevelCount(code, counts.getOrDefault(code, 0))));
		levels.add(new CycleSummary.LevelCount(null, counts.getOrDefault(null, 0)));
		return levels;
	}

	private List<CycleSummary.RegisterEntry> register(CycleSummary.CycleInfo cycle) {
		return this.jdbc.sql("""
				select a.id, a.name, a.sector, (ca.agency_id is not null) as expected,
				  case when s.id is not null then 'RETURNED'
				       when exists (select 1 from rejected_submission r where r.cycle_id = c.id and r.agency_id = a.id) then 'REJECTED'
				       else 'NOT_RETURNED' end as status,
				  s.completed_by_name, s.completed_by_role, s.submitted_at, s.version, e.status as evaluation
				from audit_cycle c
				join agency a on a.id in (select agency_id from cycle_agency where cycle_id = c.id
				                          union select agency_id from submission where cycle_id = c.id)
				left join cycle_agency ca on ca.cycle_id = c.id and ca.agency_id = a.id
				left join submission s on s.cycle_id = c.id and s.agency_id = a.id
				left join evaluation e on e.submission_id = s.id
				where c.id = ?""")
			.param(cycle.id())
			.query((rs, i) -> {
				LocalDateTime submitted = rs.getObject(8, LocalDateTime.class);
				String status = rs.getString(5);
				if ("RETURNED".equals(status)) {
					// late means after the deadline day in England, not in UTC
					status = AuditCalendar.dayOf(submitted).isAfter(cycle.returnDeadline()) ? "LATE" : "ON_TIME";
				}
				return new CycleSummary.RegisterEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), status,
						rs.getString(6), rs.getString(7), AuditCalendar.local(submitted), (Integer) rs.getObject(9, Integer.class),
						rs.getString(10));
			})
			.list()
			.stream()
			.sorted(Comparator.comparing(CycleSummary.RegisterEntry::agencyName, NaturalOrder.INSTANCE))
			.toList();
	}

	private CycleSummary.Participation participation(String cycleId, List<CycleSummary.RegisterEntry> register, int rejectedInScope,
			SummaryScope scope) {
		int rejected = scope.whole()
				? this.jdbc.sql("select count(*) from rejected_submission where cycle_id = ?").param(cycleId).query(Integer.class).single()
				: rejectedInScope;
		return participation(register, rejected);
	}

	/** Who was expected, who returned, on time or late, and the return rate, over the register given. */
	private static CycleSummary.Participation participation(List<CycleSummary.RegisterEntry> register, int rejected) {
		int expected = (int) register.stream().filter(CycleSummary.RegisterEntry::expected).count();
		int returned = (int) register.stream().filter((r) -> r.expected() && r.submittedAt() != null).count();
		int onTime = (int) register.stream().filter((r) -> r.expected() && "ON_TIME".equals(r.status())).count();
		int late = (int) register.stream().filter((r) -> r.expected() && "LATE".equals(r.status())).count();
		int unexpected = (int) register.stream().filter((r) -> !r.expected()).count();
		int notEvaluated = (int) register.stream().filter((r) -> r.submittedAt() != null && !"EVALUATED".equals(r.evaluation())).count();
		int rate = (expected == 0) ? 0 : (returned * 100 + expected / 2) / expected;
		int onlyRejected = (int) register.stream().filter((r) -> r.expected() && "REJECTED".equals(r.status())).count();
		return new CycleSummary.Participation(expected, returned, onTime, late, expected - returned, unexpected, rejected, rate, notEvaluated,
				onlyRejected);
	}

	private Map<String, CycleSummary.Rating> partnershipRatings(String cycleId) {
		return partnershipRatings(cycleId, "");
	}

	/** The partnership ratings of one group of the cycle ('' the whole cycle), by standard and item. */
	private Map<String, CycleSummary.Rating> partnershipRatings(String cycleId, String groupId) {
		Map<String, CycleSummary.Rating> ratings = new HashMap<>();
		this.jdbc.sql("""
				select standard_id, item_id, rag, green, amber, red, not_applicable, not_answered, reason, rule_name, pack_version
				from partnership_rating where cycle_id = ? and group_id = ?""")
			.params(cycleId, groupId)
			.query((rs) -> {
				ratings.put(key(rs.getString(1), rs.getString(2)), new CycleSummary.Rating(rs.getString(3), rs.getInt(4), rs.getInt(5),
						rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11)));
			});
		return ratings;
	}

	private List<CycleSummary.PlanEntry> improvementPlan(String cycleId, LocalDate asOf) {
		List<CycleSummary.PlanEntry> plan = new ArrayList<>(agencyActions(cycleId, asOf));
		plan.addAll(this.jdbc.sql("""
				select s.agency_id, a.name, f.standard_id, f.item_id, f.action_text, f.owner, f.due_date, f.reason, f.rule_name
				from follow_up_action f join submission s on s.id = f.submission_id join agency a on a.id = s.agency_id
				where s.cycle_id = ?""")
			.param(cycleId)
			.query((rs, i) -> {
				LocalDate due = rs.getObject(7, LocalDate.class);
				return new CycleSummary.PlanEntry("FOLLOW_UP", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), due, status(due, null, asOf), null, null, rs.getString(8), rs.getString(9));
			})
			.list());
		plan.sort(Comparator.comparing(CycleSummary.PlanEntry::due, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(CycleSummary.PlanEntry::agencyName, NaturalOrder.INSTANCE)
			.thenComparing((p) -> org.s11evaluator.rules.ItemIds.sortKey((p.itemId() != null) ? p.itemId() : p.standardId())));
		return plan;
	}

	private List<CycleSummary.PlanEntry> agencyActions(String cycleId, LocalDate asOf) {
		return this.jdbc.sql("""
				select s.agency_id, a.name, x.standard_id, x.item_id, x.action_text, x.lead_name, x.due_date, x.progress, x.completed_on
				from agency_action x join submission s on s.id = x.submission_id join agency a on a.id = s.agency_id
				where s.cycle_id = ? order by a.name, x.position""")
			.param(cycleId)
			.query((rs, i) -> {
				LocalDate due = rs.getObject(7, LocalDate.class);
				LocalDate completed = rs.getObject(9, LocalDate.class);
				return new CycleSummary.PlanEntry("AGENCY", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), due, status(due, completed, asOf), rs.getString(8), completed, null, null);
			})
			.list();
	}

	private static String status(LocalDate due, LocalDate completed, LocalDate asOf) {
		if (completed != null && !completed.isAfter(asOf)) {
			return "DONE";
		}
		if (due == null) {
			return "NO_DUE_DATE";
		}
		return due.isBefore(asOf) ? "OVERDUE" : "OPEN";
	}

	private CycleSummary.Progress progress(CycleSummary.CycleInfo cycle, Map<String, CycleSummary.Rating> now, Framework framework,
			LocalDate asOf, SummaryScope summaryScope, java.util.function.Predicate<String> inScope) {
		Optional<Map<String, Object>> previous = this.jdbc.sql("""
				select id, title from audit_cycle where partnership_id = ? and opens_on < ? order by opens_on desc limit 1""")
			.params(cycle.partnershipId(), cycle.opensOn())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (previous.isEmpty()) {
			return new CycleSummary.Progress(null, null, List.of(), List.of(), List.of(), null);
		}
		String previousId = (String) previous.get().get("id");
		// as the board read it: the previous cycle's latest published edition, not its ratings recomputed since
		// a group compares with the same group's ratings of the previous cycle (none if it had no such group)
		Optional<PublishedEdition> published = summaryScope.whole() ? latestEdition(previousId) : Optional.empty();
		Map<String, CycleSummary.Rating> before = published.map((p) -> ratings(p.summary()))
			.orElseGet(() -> partnershipRatings(previousId, summaryScope.groupId()));
		Map<String, String> titles = new LinkedHashMap<>();
		for (Framework.Standard s : framework.standards()) {
			titles.put(key(s.id(), null), "Standard " + s.id() + ": " + s.title());
			s.items().forEach((i) -> titles.put(key(s.id(), i.id()), i.id() + " " + i.text()));
		}
		List<CycleSummary.Change> previouslyAmberOrRed = new ArrayList<>();
		List<CycleSummary.Change> regressions = new ArrayList<>();
		titles.forEach((scope, title) -> {
			String was = Optional.ofNullable(before.get(scope)).map(CycleSummary.Rating::rag).orElse(null);
			String is = Optional.ofNullable(now.get(scope)).map(CycleSummary.Rating::rag).orElse("NOT_RATED");
			String[] parts = scope.split("/", -1);
			CycleSummary.Change change = new CycleSummary.Change(parts[0], parts[1].isEmpty() ? null : parts[1], title, was, is);
			if ("AMBER".equals(was) || "RED".equals(was)) {
				previouslyAmberOrRed.add(change);
			}
			if (was != null && SEVERITY.containsKey(was) && SEVERITY.containsKey(is) && SEVERITY.get(is) > SEVERITY.get(was)) {
				regressions.add(change);
			}
		});
		List<CycleSummary.PlanEntry> actions = published
			.map((p) -> p.summary().improvementPlan().stream().filter((a) -> "AGENCY".equals(a.source()))
				.map((a) -> new CycleSummary.PlanEntry(a.source(), a.agencyId(), a.agencyName(), a.standardId(), a.itemId(), a.action(), a.lead(),
						a.due(), status(a.due(), a.completed(), asOf), a.progress(), a.completed(), a.reason(), a.rule()))
				.toList())
			.orElseGet(() -> agencyActions(previousId, asOf));
		List<CycleSummary.PlanEntry> carriedOver = actions.stream().filter((a) -> !"DONE".equals(a.status()))
			.filter((a) -> inScope.test(a.agencyId())).toList();
		return new CycleSummary.Progress(previousId, (String) previous.get().get("title"), previouslyAmberOrRed, regressions, carriedOver,
				published.map(PublishedEdition::edition).orElse(null));
	}

	/** A published edition of a cycle, read back from its stored summary document. */
	record PublishedEdition(int edition, CycleSummary summary) {
	}

	/** The cycle's latest published edition, as stored when it was published. */
	Optional<PublishedEdition> latestEdition(String cycleId) {
		return this.jdbc.sql("select edition, summary from cycle_edition where cycle_id = ? order by edition desc limit 1")
			.param(cycleId)
			.query((rs, i) -> new PublishedEdition(rs.getInt(1), read(rs.getString(2))))
			.optional();
	}

	private CycleSummary read(String document) {
		try {
			return this.json.readValue(document, CycleSummary.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A published edition's stored summary cannot be read: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The partnership ratings a summary shows, by standard and item. */
	private static Map<String, CycleSummary.Rating> ratings(CycleSummary summary) {
		Map<String, CycleSummary.Rating> ratings = new HashMap<>();
		for (CycleSummary.StandardSummary standard : summary.standards()) {
			if (standard.rating() != null) {
				ratings.put(key(standard.id(), null), standard.rating());
			}
			standard.items().stream().filter((i) -> i.rating() != null).forEach((i) -> ratings.put(key(standard.id(), i.id()), i.rating()));
		}
		return ratings;
	}

	private CycleSummary.Themes themes(String cycleId, java.util.function.Predicate<String> inScope) {
		List<String> agencies = this.jdbc.sql("select agency_id from submission where cycle_id = ?").param(cycleId).query(String.class).list()
			.stream().filter(inScope).toList();
		List<String> ids = agencies.isEmpty() ? List.of("") : agencies;
		List<CycleSummary.CommonFinding> findings = this.jdbc.sql("""
				select f.code, count(*), count(distinct f.submission_id), min(f.rule_name), min(f.message)
				from finding f join submission s on s.id = f.submission_id where s.cycle_id = :cycle and s.agency_id in (:agencies)
				group by f.code order by count(*) desc, f.code limit 10""")
			.param("cycle", cycleId)
			.param("agencies", ids)
			.query((rs, i) -> new CycleSummary.CommonFinding(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
			.list();
		List<CycleSummary.Practice> practice = this.jdbc.sql("""
				select a.name, s.outstanding_practice from submission s join agency a on a.id = s.agency_id
				where s.cycle_id = :cycle and s.agency_id in (:agencies) and s.outstanding_practice is not null order by a.name""")
			.param("cycle", cycleId)
			.param("agencies", ids)
			.query((rs, i) -> new CycleSummary.Practice(rs.getString(1), rs.getString(2)))
			.list();
		return new CycleSummary.Themes(findings, practice);
	}

	private CycleSummary.Provenance provenance(String cycleId, String groupId) {
		String partnershipVersion = this.jdbc.sql("select max(pack_version) from partnership_rating where cycle_id = ? and group_id = ?")
			.params(cycleId, groupId)
			.query(String.class)
			.optional()
			.orElse(null);
		List<CycleSummary.SourceSubmission> submissions = this.jdbc.sql("""
				select s.id, s.agency_id, s.version, s.content_hash, e.pack_version, e.evaluated_at
				from submission s left join evaluation e on e.submission_id = s.id where s.cycle_id = ? order by s.agency_id""")
			.param(cycleId)
			.query((rs, i) -> new CycleSummary.SourceSubmission(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDateTime.class)))
			.list();
		List<String> versions = submissions.stream().map(CycleSummary.SourceSubmission::packVersion).filter((v) -> v != null)
			.distinct().sorted().toList();
		List<CycleSummary.HistoryEntry> history = this.audit.history(cycleId).stream()
			.map((e) -> new CycleSummary.HistoryEntry(e.occurredAt(), e.action().words(), e.subject(), e.detail(), e.actor(), e.reason()))
			.toList();
		return new CycleSummary.Provenance(partnershipVersion, versions, submissions, history);
	}

	private static String key(String standardId, String itemId) {
		return standardId + "/" + ((itemId != null) ? itemId : "");
	}

}

package org.s11evaluator.reporting;

import java.time.Clock;
import java.time.LocalDate;
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
import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.evaluation.CycleEvaluationSummaries;
import org.s11evaluator.partnershiprating.PartnershipRatingQueries;
import org.s11evaluator.submission.CycleReturnContents;
import org.s11evaluator.submission.StoredReturns;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a cycle's board summary from the stored results, each part asked of the module that owns it ({@link SummaryFacts})
 * and joined here by id: a fixed number of queries per summary, whatever the number of agencies.
 */
@Component
public class CycleSummaryQuery {

	private static final Map<String, Integer> SEVERITY = Map.of("GREEN", 1, "AMBER", 2, "RED", 3);

	private final JdbcClient jdbc;

	private final RulePacks packs;

	private final AuditTrail audit;

	private final ObjectMapper json;

	private final Clock clock;

	private final CycleGroups groups;

	private final CycleQueries register;

	private final CycleReturnContents returns;

	private final CycleEvaluationSummaries evaluations;

	private final StoredReturns stored;

	private final PartnershipRatingQueries ratings;

	private final org.springframework.beans.factory.ObjectProvider<org.s11evaluator.moderation.ModerationManagement> moderation;

	CycleSummaryQuery(JdbcClient jdbc, RulePacks packs, AuditTrail audit, ObjectMapper json, Clock clock, CycleGroups groups, CycleQueries register,
			CycleReturnContents returns, CycleEvaluationSummaries evaluations, StoredReturns stored, PartnershipRatingQueries ratings,
			org.springframework.beans.factory.ObjectProvider<org.s11evaluator.moderation.ModerationManagement> moderation) {
		this.moderation = moderation;
		this.clock = clock;
		this.groups = groups;
		this.audit = audit;
		this.json = json;
		this.jdbc = jdbc;
		this.packs = packs;
		this.register = register;
		this.returns = returns;
		this.evaluations = evaluations;
		this.stored = stored;
		this.ratings = ratings;
	}

	public CycleSummary build(String cycleId, LocalDate asOf) {
		return build(cycleId, asOf, SummaryScope.WHOLE);
	}

	/**
	 * The summary of one group of the cycle (its agencies, its pack, its partnership ratings), or of the whole cycle;
	 * the whole cycle's summary of a cycle with groups shows them side by side ({@link CycleSummary#groups()}).
	 */
	CycleSummary build(String cycleId, LocalDate asOf, SummaryScope scope) {
		CycleQueries.CycleDetails details = this.register.details(cycleId)
			.orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		CycleSummary.CycleInfo whole = new CycleSummary.CycleInfo(details.id(), details.title(), details.partnershipId(), details.partnershipName(),
				details.packId(), details.opensOn(), details.returnDeadline());
		SummaryFacts facts = SummaryFacts.read(cycleId, details, this.register, this.returns, this.evaluations, this.stored, this.ratings);
		List<CycleGroup> groups = this.groups.of(cycleId);
		boolean byTemplate = groups.stream().anyMatch(CycleGroup::isTemplate);
		CycleSummary.CycleInfo cycle = scope.whole() ? whole : new CycleSummary.CycleInfo(whole.id(), whole.title() + ": " + scope.group().name(),
				whole.partnershipId(), scope.group().isTemplate() ? whole.partnershipName() : scope.group().name(), scope.group().packId(),
				whole.opensOn(), whole.returnDeadline());
		Framework framework = this.packs.load(cycle.packId()).framework();
		// which pack each return is judged by (kept on the stored return): it matters to a group's summary and to the groups
		// shown in the whole one
		Map<String, String> packOfAgency = new java.util.HashMap<>();
		facts.returns().forEach((r) -> packOfAgency.put(r.agencyId(), r.packId()));
		java.util.Set<String> expectedInScope = new java.util.HashSet<>(scope.expectedAgencies());
		java.util.function.Predicate<String> inScope = (agency) -> scope.whole() || expectedInScope.contains(agency)
				|| (packOfAgency.containsKey(agency) && scope.includes(agency, packOfAgency.get(agency)));
		// the whole of a cycle judged by several templates has no one framework: its groups are shown side by side instead
		boolean noFramework = scope.whole() && byTemplate;
		List<CycleSummary.RegisterEntry> register = register(facts).stream().filter((r) -> inScope.test(r.agencyId())).toList();
		Map<String, CycleSummary.Rating> ratings = facts.ratingsOf(scope.groupId());
		Map<String, Map<String, Integer>> answers = answers(facts, framework, inScope);
		List<CycleSummary.StandardSummary> standards = noFramework ? List.of() : framework.standards().stream()
			.map((s) -> new CycleSummary.StandardSummary(s.id(), s.title(), s.modelled(), ratings.get(key(s.id(), null)),
					s.items().stream().map((i) -> new CycleSummary.ItemSummary(i.id(), i.text(), ratings.get(key(s.id(), i.id())),
							levelCounts(framework, answers.getOrDefault(i.id(), Map.of())))).toList()))
			.toList();
		List<CycleSummary.HeatmapRow> heatmap = noFramework ? List.of() : heatmap(facts, framework, inScope);
		List<CycleSummary.PolicyRule> policy = this.ratings.policies(cycleId, scope.groupId(), noFramework).stream()
			.map((p) -> new CycleSummary.PolicyRule(p.rule(), p.policy()))
			.toList();
		List<CycleSummary.RejectedFile> rejected = facts.rejected().stream()
			.filter((r) -> scope.whole() || (r.agencyId() != null && inScope.test(r.agencyId())))
			.map((r) -> new CycleSummary.RejectedFile(r.source().replaceAll("^.*/", ""), r.agencyId(), AuditCalendar.local(r.receivedAt()), r.reasons()))
			.toList();
		List<CycleSummary.PlanEntry> plan = improvementPlan(facts, asOf).stream().filter((a) -> inScope.test(a.agencyId())).toList();
		CycleSummary.Provenance provenance = provenance(facts, scope.groupId(), inScope);
		return new CycleSummary(CycleSummary.FORMAT, this.clock.instant(), asOf, cycle,
				participation(register, scope.whole() ? facts.rejected().size() : rejected.size()), register, rejected, policy, standards, heatmap,
				plan,
				noFramework ? new CycleSummary.Progress(null, null, List.of(), List.of(), List.of(), null)
						: progress(cycle, ratings, framework, asOf, scope, inScope),
				themes(facts, inScope), provenance, framing(framework), NarrativeFile.read(details.definitionFile()),
				scope.whole() ? groupSummaries(facts, groups, register, packOfAgency) : List.of(),
				moderation(cycleId, cycle.packId(), framework, inScope, register));
	}

	/** Each returning agency's rating of each standard, by agency name (natural order); NOT_RATED where it has none. */
	private static List<CycleSummary.HeatmapRow> heatmap(SummaryFacts facts, Framework framework, java.util.function.Predicate<String> inScope) {
		return facts.registeredReturns().stream()
			.filter((r) -> inScope.test(r.agencyId()))
			.map((r) -> {
				CycleEvaluationSummaries.Evaluation e = facts.evaluations().get(r.id());
				Map<String, String> rated = (e != null) ? e.standards() : Map.of();
				return new CycleSummary.HeatmapRow(r.agencyId(), facts.agencies().get(r.agencyId()).name(),
						framework.standards().stream().map((s) -> rated.getOrDefault(s.id(), "NOT_RATED")).toList());
			})
			.sorted(Comparator.comparing(CycleSummary.HeatmapRow::agencyName, NaturalOrder.INSTANCE))
			.toList();
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

	/**
	 * Each group of the cycle side by side, as the whole cycle's summary shows them: its template, its agencies and
	 * how each returned, and its own partnership ratings (never combined into one rating across templates).
	 */
	private List<CycleSummary.GroupSummary> groupSummaries(SummaryFacts facts, List<CycleGroup> groups, List<CycleSummary.RegisterEntry> register,
			Map<String, String> packOfAgency) {
		List<CycleSummary.GroupSummary> summaries = new ArrayList<>();
		for (CycleGroup group : groups) {
			SummaryScope scope = new SummaryScope(group);
			java.util.Set<String> listed = new java.util.HashSet<>(group.agencyIds());
			List<CycleSummary.RegisterEntry> members = register.stream()
				.filter((r) -> listed.contains(r.agencyId())
						|| (!r.expected() && packOfAgency.containsKey(r.agencyId()) && scope.includes(r.agencyId(), packOfAgency.get(r.agencyId()))))
				.toList();
			Framework framework = this.packs.load(group.packId()).framework();
			Map<String, CycleSummary.Rating> ratings = facts.ratingsOf(group.id());
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
			java.util.Set<String> memberIds = new java.util.HashSet<>();
			members.forEach((r) -> memberIds.add(r.agencyId()));
			int rejected = (int) facts.rejected().stream().filter((r) -> memberIds.contains(r.agencyId())).count();
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
	private Map<String, Map<String, Integer>> answers(SummaryFacts facts, Framework framework, java.util.function.Predicate<String> inScope) {
		java.util.Set<Long> counted = new java.util.HashSet<>();
		for (CycleReturnContents.Return r : facts.returns()) {
			CycleEvaluationSummaries.Evaluation e = facts.evaluations().get(r.id());
			if (e != null && e.packVersion() != null && inScope.test(r.agencyId())) {
				counted.add(r.id());
			}
		}
		Map<String, Map<String, Integer>> answers = this.returns.answerCounts(counted);
		int evaluated = counted.size();
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

	/** Every agency the cycle expects or has a return from (registered ones), how it returned, by name (natural order). */
	private static List<CycleSummary.RegisterEntry> register(SummaryFacts facts) {
		List<CycleSummary.RegisterEntry> register = new ArrayList<>();
		for (CycleQueries.Agency a : facts.agencies().values()) {
			CycleReturnContents.Return r = facts.returnOf().get(a.id());
			CycleEvaluationSummaries.Evaluation e = (r != null) ? facts.evaluations().get(r.id()) : null;
			String status;
			if (r != null) {
				// late means after the deadline day in England, not in UTC
				status = AuditCalendar.dayOf(r.submittedAt()).isAfter(facts.cycle().returnDeadline()) ? "LATE" : "ON_TIME";
			}
			else {
				status = facts.rejectedAgencies().contains(a.id()) ? "REJECTED" : "NOT_RETURNED";
			}
			register.add(new CycleSummary.RegisterEntry(a.id(), a.name(), a.sector(), facts.expected().contains(a.id()), status,
					(r != null) ? r.completedBy() : null, (r != null) ? r.role() : null, (r != null) ? AuditCalendar.local(r.submittedAt()) : null,
					(r != null) ? r.version() : null, (e != null) ? e.status() : null));
		}
		register.sort(Comparator.comparing(CycleSummary.RegisterEntry::agencyName, NaturalOrder.INSTANCE));
		return register;
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

	private List<CycleSummary.PlanEntry> improvementPlan(SummaryFacts facts, LocalDate asOf) {
		List<CycleSummary.PlanEntry> plan = new ArrayList<>(agencyActions(facts.cycle().id(), facts, asOf));
		Map<Long, CycleQueries.Agency> agencyOf = new HashMap<>();
		facts.registeredReturns().forEach((r) -> agencyOf.put(r.id(), facts.agencies().get(r.agencyId())));
		for (CycleEvaluationSummaries.FollowUp f : this.evaluations.followUps(agencyOf.keySet())) {
			CycleQueries.Agency agency = agencyOf.get(f.submissionId());
			plan.add(new CycleSummary.PlanEntry("FOLLOW_UP", agency.id(), agency.name(), f.standardId(), f.itemId(), f.action(), f.owner(), f.due(),
					status(f.due(), null, asOf), null, null, f.reason(), f.rule()));
		}
		plan.sort(Comparator.comparing(CycleSummary.PlanEntry::due, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(CycleSummary.PlanEntry::agencyName, NaturalOrder.INSTANCE)
			.thenComparing((p) -> org.s11evaluator.rules.ItemIds.sortKey((p.itemId() != null) ? p.itemId() : p.standardId())));
		return plan;
	}

	/** The agencies' own actions in a cycle's returns (of registered agencies), by agency name, each return's in its order. */
	private List<CycleSummary.PlanEntry> agencyActions(String cycleId, SummaryFacts facts, LocalDate asOf) {
		Map<Long, List<CycleReturnContents.AgencyAction>> actions = this.returns.agencyActions(cycleId);
		List<CycleSummary.PlanEntry> plan = new ArrayList<>();
		for (CycleReturnContents.Return r : facts.registeredReturns()) {
			CycleQueries.Agency agency = facts.agencies().get(r.agencyId());
			for (CycleReturnContents.AgencyAction x : actions.getOrDefault(r.id(), List.of())) {
				plan.add(new CycleSummary.PlanEntry("AGENCY", agency.id(), agency.name(), x.standardId(), x.itemId(), x.action(), x.lead(), x.due(),
						status(x.due(), x.completed(), asOf), x.progress(), x.completed(), null, null));
			}
		}
		return plan;
	}

	/** The agencies' own actions in another cycle's returns (the previous one's). */
	private List<CycleSummary.PlanEntry> agencyActions(String cycleId, LocalDate asOf) {
		List<CycleReturnContents.Return> returns = this.returns.returns(cycleId);
		Map<String, CycleReturnContents.Return> returnOf = new HashMap<>();
		returns.forEach((r) -> returnOf.put(r.agencyId(), r));
		SummaryFacts facts = new SummaryFacts(null, java.util.Set.of(),
				this.register.agencies(returns.stream().map(CycleReturnContents.Return::agencyId).toList()), returns, returnOf, Map.of(), List.of(),
				java.util.Set.of(), Map.of());
		return agencyActions(cycleId, facts, asOf);
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
		Optional<CycleQueries.CycleTitle> previous = this.register.previous(cycle.partnershipId(), cycle.opensOn());
		if (previous.isEmpty()) {
			return new CycleSummary.Progress(null, null, List.of(), List.of(), List.of(), null);
		}
		String previousId = previous.get().id();
		// as the board read it: the previous cycle's latest published edition, not its ratings recomputed since
		// a group compares with the same group's ratings of the previous cycle (none if it had no such group)
		Optional<PublishedEdition> published = summaryScope.whole() ? latestEdition(previousId) : Optional.empty();
		Map<String, CycleSummary.Rating> before = published.map((p) -> ratings(p.summary()))
			.orElseGet(() -> SummaryFacts.ratings(this.ratings.ofCycle(previousId).getOrDefault(summaryScope.groupId(), List.of())));
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
		return new CycleSummary.Progress(previousId, previous.get().title(), previouslyAmberOrRed, regressions, carriedOver,
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

	private CycleSummary.Themes themes(SummaryFacts facts, java.util.function.Predicate<String> inScope) {
		List<CycleReturnContents.Return> inScopeReturns = facts.returns().stream().filter((r) -> inScope.test(r.agencyId())).toList();
		List<CycleSummary.CommonFinding> findings = this.evaluations.commonFindings(inScopeReturns.stream().map(CycleReturnContents.Return::id).toList(), 10)
			.stream()
			.map((f) -> new CycleSummary.CommonFinding(f.code(), f.count(), f.returns(), f.rule(), f.example()))
			.toList();
		List<CycleSummary.Practice> practice = facts.registeredReturns().stream()
			.filter((r) -> r.outstandingPractice() != null && inScope.test(r.agencyId()))
			.map((r) -> new CycleSummary.Practice(facts.agencies().get(r.agencyId()).name(), r.outstandingPractice()))
			.toList();
		return new CycleSummary.Themes(findings, practice);
	}

	/** Where the summary comes from: the packs' versions, the returns in scope (by agency id) and the cycle's history. */
	private CycleSummary.Provenance provenance(SummaryFacts facts, String groupId, java.util.function.Predicate<String> inScope) {
		List<CycleSummary.SourceSubmission> submissions = facts.returns().stream().map((r) -> {
			CycleEvaluationSummaries.Evaluation e = facts.evaluations().get(r.id());
			return new CycleSummary.SourceSubmission(r.id(), r.agencyId(), r.version(), r.contentHash(), (e != null) ? e.packVersion() : null,
					(e != null) ? e.evaluatedAt() : null);
		}).toList();
		List<String> versions = submissions.stream().map(CycleSummary.SourceSubmission::packVersion).filter((v) -> v != null)
			.distinct().sorted().toList();
		List<CycleSummary.HistoryEntry> history = this.audit.history(facts.cycle().id()).stream()
			.map((e) -> new CycleSummary.HistoryEntry(e.occurredAt(), e.action().words(), e.subject(), e.detail(), e.actor(), e.reason()))
			.toList();
		return new CycleSummary.Provenance(facts.ratingPackVersion(groupId), versions,
				submissions.stream().filter((x) -> inScope.test(x.agencyId())).toList(), history);
	}

	private static String key(String standardId, String itemId) {
		return SummaryFacts.key(standardId, itemId);
	}

}

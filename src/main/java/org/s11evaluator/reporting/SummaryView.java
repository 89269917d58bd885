package org.s11evaluator.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helpers the summary template calls: labels, colours and chart segments, and the opening paragraph in
 * plain English. Only numbers and fixed words are produced here; agency text is never turned into markup.
 */
public final class SummaryView {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("GREEN", "Green"), Map.entry("AMBER", "Amber"), Map.entry("RED", "Red"), Map.entry("NOT_APPLICABLE", "N/A"), Map.entry("NOT_RATED", "Not rated"), Map.entry("ON_TIME", "Returned"), Map.entry("LATE", "Returned late"), Map.entry("NOT_RETURNED", "Not returned"), Map.entry("REJECTED", "Rejected"), Map.entry("OPEN", "Open, not yet due"), Map.entry("NO_DUE_DATE", "No due date"), Map.entry("OVERDUE", "Overdue"), Map.entry("DONE", "Done"));

	private final CycleSummary summary;

	/**
	 * What the template asks of the view more than once (lists over the plan, the heatmap, the returns), worked out
	 * once: the template asks for some of them in a heading, a condition and a loop, in both the HTML and the printed
	 * edition, which share one view.
	 */
	private final Map<String, Object> worked = new java.util.HashMap<>();

	/** Agency names by id, from the register. */
	private Map<String, String> names;

	SummaryView(CycleSummary summary) {
		this.summary = summary;
	}

	@SuppressWarnings("unchecked")
	private <T> T once(String key, java.util.function.Supplier<T> work) {
		Object known = this.worked.get(key);
		if (known == null && !this.worked.containsKey(key)) {
			known = work.get();
			this.worked.put(key, known);
		}
		return (T) known;
	}

	/** One segment of a stacked bar: a CSS class, a width in percent of the bar, the count and what it counts. */
	public record Segment(String css, double width, int count, String label) {
	}

	public String label(String code) {
		return inWords(code);
	}

	/** A status or rating code in the words the board reads ("Returned late", "No due date"). */
	static String inWords(String code) {
		return (code == null) ? "" : LABELS.getOrDefault(code, code);
	}

	/** The letter shown in a heatmap cell, so the chart reads without colour too. */
	public String letter(String rag) {
		return ConsoleReport.letter(rag).replace("-", "–");
	}

	public String css(String code) {
		return (code == null) ? "none" : code.toLowerCase().replace('_', '-');
	}

	public String day(LocalDate date) {
		return (date == null) ? "" : DAY.format(date);
	}

	public String day(java.time.LocalDateTime time) {
		return (time == null) ? "" : DAY.format(time);
	}

	/**
	 * What a history entry happened to, as the board reads it: an import's subject is the file it came in (a file
	 * name, which the board is not shown); the officers' outputs (summary.json, history) keep it.
	 */
	public String historySubject(CycleSummary.HistoryEntry entry) {
		return isImport(entry) ? null : entry.subject();
	}

	/** Why, as the board reads it: a rejection's reasons quote JSON paths; the register of returns says it plainly. */
	public String historyWhy(CycleSummary.HistoryEntry entry) {
		return isImport(entry) ? null : entry.why();
	}

	/** One line of the cycle's history as the board reads it: a day, what happened in words, and who and why where said. */
	public record BoardHistory(String day, String what, String by, String why) {
	}

	private static final java.util.regex.Pattern EVALUATED = java.util.regex.Pattern.compile("(\\d+) return\\(s\\) evaluated");

	/**
	 * The cycle's history for the board, oldest first: the imports of a day counted in one line ("150 returns
	 * imported"), a rejected return named by its agency, runs counted by what they evaluated, and closing and
	 * reopening with who and why. No file names, run numbers, states or version fingerprints: the officers'
	 * history command and summary.json keep them.
	 */
	public List<BoardHistory> boardHistory() {
		return once("boardHistory", () -> boardHistoryWorked());
	}

	private List<BoardHistory> boardHistoryWorked() {
		List<BoardHistory> lines = new ArrayList<>();
		String lastDay = null;
		String lastKind = null;
		int count = 0;
		int evaluated = 0;
		for (CycleSummary.HistoryEntry h : this.summary.provenance().history()) {
			String day = day(h.at());
			String kind = String.valueOf(h.what());
			boolean grouped = kind.equals("return imported") || kind.equals("return replaced by a corrected one") || kind.equals("evaluation run");
			if (grouped && kind.equals(lastKind) && day.equals(lastDay)) {
				count++;
				evaluated += evaluatedBy(h);
				lines.set(lines.size() - 1, new BoardHistory(day, groupedWords(kind, count, evaluated), h.by(), null));
				continue;
			}
			lastDay = day;
			lastKind = grouped ? kind : null;
			count = 1;
			evaluated = evaluatedBy(h);
			lines.add(new BoardHistory(day, grouped ? groupedWords(kind, 1, evaluated) : singleWords(h), h.by(), isImport(h) ? null : h.why()));
		}
		return lines;
	}

	private static int evaluatedBy(CycleSummary.HistoryEntry h) {
		java.util.regex.Matcher m = EVALUATED.matcher(String.valueOf(h.detail()));
		return m.find() ? Integer.parseInt(m.group(1)) : 0;
	}

	private static String groupedWords(String kind, int count, int evaluated) {
		if (kind.equals("return imported")) {
			return count(count, "return imported", "returns imported");
		}
		if (kind.equals("return replaced by a corrected one")) {
			return count(count, "return replaced by a corrected one", "returns replaced by corrected ones");
		}
		return ((count == 1) ? "Evaluation run" : count + " evaluation runs") + ": " + count(evaluated, "return", "returns") + " evaluated";
	}

	private String singleWords(CycleSummary.HistoryEntry h) {
		String kind = String.valueOf(h.what());
		String agency = String.valueOf(h.detail()).startsWith("agency ") ? agencyName(h.detail().substring("agency ".length()).strip()) : null;
		switch (kind) {
			case "return rejected":
				return "A return could not be accepted" + ((agency != null) ? " (" + agency + ")" : "");
			case "rule-pack version first used":
				return "A new version of the partnership’s rules was first used";
			case "cycle closed":
				return "Cycle closed and its summary published";
			case "closing refused":
				return "Closing the cycle was refused";
			case "cycle reopened":
				return "Cycle reopened";
			case "retention":
				return "Personal details removed under the retention policy";
			default:
				return capital(kind);
		}
	}

	private static boolean isImport(CycleSummary.HistoryEntry entry) {
		return entry.what() != null && entry.what().startsWith("return ");
	}

	public String shortVersion(String version) {
		return (version == null) ? "" : version.substring(0, Math.min(12, version.length()));
	}

	/** The rule's id, e.g. "SUS-PRT-01", from its full name. */
	public String ruleId(String rule) {
		return (rule == null) ? "" : org.s11evaluator.rules.RulePackCompiler.ruleId(rule);
	}

	public List<Segment> bar(CycleSummary.Rating rating) {
		List<Segment> segments = new ArrayList<>();
		if (rating == null || rating.total() == 0) {
			return segments;
		}
		add(segments, "green", rating.green(), rating.total(), "green");
		add(segments, "amber", rating.amber(), rating.total(), "amber");
		add(segments, "red", rating.red(), rating.total(), "red");
		add(segments, "not-applicable", rating.notApplicable(), rating.total(), "N/A");
		add(segments, "not-rated", rating.notAnswered(), rating.total(), "not answered");
		return segments;
	}

	public List<Segment> participationBar() {
		CycleSummary.Participation p = this.summary.participation();
		int total = Math.max(p.onTime() + p.late() + p.notReturned(), 1);
		List<Segment> segments = new ArrayList<>();
		add(segments, "on-time", p.onTime(), total, "on time");
		add(segments, "late", p.late(), total, "late");
		add(segments, "rejected", p.rejected(), total, "rejected");
		add(segments, "not-returned", p.notReturned() - p.rejected(), total, "not returned");
		return segments;
	}

	public long countStandards(String rag) {
		return rated(rag).size();
	}

	/** Of all the agencies' standard ratings that are green, amber or red, the share that is green (rounded). */
	public int greenPercent() {
		int green = 0;
		int rated = 0;
		for (CycleSummary.StandardSummary standard : this.summary.standards()) {
			if (standard.rating() != null) {
				green += standard.rating().green();
				rated += standard.rating().green() + standard.rating().amber() + standard.rating().red();
			}
		}
		return (rated == 0) ? 0 : (green * 100 + rated / 2) / rated;
	}

	public long countPlan(String status) {
		return this.summary.improvementPlan().stream().filter((p) -> status.equals(p.status())).count();
	}

	public long countPlan(String status, String source) {
		return this.summary.improvementPlan().stream().filter((p) -> status.equals(p.status()) && source.equals(p.source())).count();
	}

	/** Above this many actions the printed summary shows the plan by agency, and the overdue actions in full. */
	static final int PRINTED_PLAN_LIMIT = 120;

	/** One agency's line in the printed plan: how many of its actions are overdue, open and done. */
	public record PlanByAgency(String agencyName, long overdue, long open, long done, long generated) {
	}

	/** Whether the printed edition summarises the plan (it is too long to print in full). */
	public boolean planIsLong() {
		return this.summary.improvementPlan().size() > PRINTED_PLAN_LIMIT;
	}

	public List<PlanByAgency> planByAgency() {
		return once("planByAgency", () -> planByAgencyWorked());
	}

	private List<PlanByAgency> planByAgencyWorked() {
		java.util.Map<String, List<CycleSummary.PlanEntry>> byAgency = new java.util.TreeMap<>(NaturalOrder.INSTANCE);
		this.summary.improvementPlan().forEach((p) -> byAgency.computeIfAbsent(String.valueOf(p.agencyName()), (k) -> new java.util.ArrayList<>()).add(p));
		return byAgency.entrySet().stream().map((e) -> new PlanByAgency(e.getKey(),
				e.getValue().stream().filter((p) -> "OVERDUE".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "OPEN".equals(p.status()) || "NO_DUE_DATE".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "DONE".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "FOLLOW_UP".equals(p.source())).count()))
			.sorted(java.util.Comparator.comparingLong(PlanByAgency::overdue).reversed().thenComparing(PlanByAgency::agencyName, NaturalOrder.INSTANCE))
			.toList();
	}

	/** One line (or group, for an action that names no line) of the framework with the actions that answer it. */
	public record PlanByLine(String name, long overdue, long open, long noDueDate, long done, long agencies) {
	}

	/** The plan by the line each action answers, most overdue first, then most outstanding. */
	public List<PlanByLine> planByLine() {
		return once("planByLine", () -> planByLineWorked());
	}

	private List<PlanByLine> planByLineWorked() {
		java.util.Map<String, List<CycleSummary.PlanEntry>> byLine = new java.util.TreeMap<>(java.util.Comparator.comparing(
				org.s11evaluator.rules.ItemIds::sortKey));
		this.summary.improvementPlan().forEach((p) -> byLine.computeIfAbsent((p.itemId() != null) ? p.itemId() : p.standardId(),
				(k) -> new ArrayList<>()).add(p));
		java.util.Map<String, String> titles = new java.util.HashMap<>();
		for (CycleSummary.StandardSummary st : this.summary.standards()) {
			titles.put(st.id(), capital(words().group()) + " " + st.id() + " (as a whole)");
			st.items().forEach((i) -> titles.put(i.id(), capital(words().line()) + " " + i.id()));
		}
		return byLine.entrySet().stream().map((e) -> new PlanByLine(titles.getOrDefault(e.getKey(), e.getKey()),
				e.getValue().stream().filter((p) -> "OVERDUE".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "OPEN".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "NO_DUE_DATE".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "DONE".equals(p.status())).count(),
				e.getValue().stream().map(CycleSummary.PlanEntry::agencyId).distinct().count()))
			.sorted(java.util.Comparator.comparingLong(PlanByLine::overdue).reversed()
				.thenComparing(java.util.Comparator.comparingLong((PlanByLine g) -> g.open() + g.noDueDate()).reversed()))
			.toList();
	}

	/** Above this many agencies the chart of every agency's rating of every group moves to an appendix. */
	static final int HEATMAP_IN_BODY = 25;

	public boolean heatmapIsLong() {
		return this.summary.heatmap().size() > HEATMAP_IN_BODY;
	}

	/** The agencies by how many groups they rate red, then amber, most first. */
	public List<CycleSummary.HeatmapRow> heatmapByConcern() {
		return once("heatmapByConcern", () -> heatmapByConcernWorked());
	}

	private List<CycleSummary.HeatmapRow> heatmapByConcernWorked() {
		return this.summary.heatmap().stream().filter((row) -> countIn(row, "RED") + countIn(row, "AMBER") > 0)
			.sorted(java.util.Comparator.comparingLong((CycleSummary.HeatmapRow row) -> countIn(row, "RED")).reversed()
				.thenComparing(java.util.Comparator.comparingLong((CycleSummary.HeatmapRow row) -> countIn(row, "AMBER")).reversed())
				.thenComparing(CycleSummary.HeatmapRow::agencyName, NaturalOrder.INSTANCE))
			.toList();
	}

	public long countIn(CycleSummary.HeatmapRow row, String rag) {
		return row.ratings().stream().filter(rag::equals).count();
	}

	/** "6 (red), 2 (amber)": the groups an agency rates red or amber. */
	/** The heading of the column counting an agency's groups at {@code rag}: "Red", or the scale's words ("Not in place"). */
	public String concernHeading(String rag) {
		return words().ragColours() ? label(rag) : capital(heatText(rag).toLowerCase(java.util.Locale.UK));
	}

	/** "rated red or amber", or in the scale's words where the board sees no colours ("rated not or partly in place"). */
	public String concernWords() {
		return words().ragColours() ? "rated red or amber" : "rated " + heatText("RED").toLowerCase(java.util.Locale.UK) + " or "
				+ heatText("AMBER").toLowerCase(java.util.Locale.UK);
	}

	public String concerns(CycleSummary.HeatmapRow row) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < row.ratings().size() && i < this.summary.standards().size(); i++) {
			String rag = row.ratings().get(i);
			if ("RED".equals(rag) || "AMBER".equals(rag)) {
				String word = words().ragColours() ? label(rag) : heatText(rag);
				parts.add(this.summary.standards().get(i).id() + " (" + word.toLowerCase(java.util.Locale.UK) + ")");
			}
		}
		return String.join(", ", parts);
	}

	public List<CycleSummary.PlanEntry> overdueActions() {
		return once("overdueActions", () -> overdueActionsWorked());
	}

	private List<CycleSummary.PlanEntry> overdueActionsWorked() {
		return this.summary.improvementPlan().stream().filter((p) -> "OVERDUE".equals(p.status())).toList();
	}

	/** A policy value's key in a rule's statement, with the value in words after it in brackets if given. */
	private static final java.util.regex.Pattern POLICY_KEY = java.util.regex.Pattern
		.compile("(?:the share )?\\b[a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)+\\b(?:\\s*\\(([^)]*)\\))?");

	/** A finding's code in words for the board: MISSING_EVIDENCE is "Missing evidence". */
	public String findingTitle(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		String words = code.toLowerCase(java.util.Locale.UK).replace('_', ' ').replace(" na ", " N/A ").replaceAll("^na ", "N/A ")
			.replaceAll(" na$", " N/A");
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A moment as a UK reader says it, in England's time: "1 October 2025 at 09:30". */
	public String when(java.time.Instant instant) {
		return (instant == null) ? "" : WHEN.format(instant.atZone(java.time.ZoneId.of("Europe/London")));
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", java.util.Locale.UK);

	/** An agency's name from its id, for the board (the id itself only where the agency is not known). */
	public String agencyName(String agencyId) {
		if (agencyId == null) {
			return "Agency not stated in the file";
		}
		if (this.names == null) {
			this.names = new java.util.HashMap<>();
			this.summary.register().forEach((r) -> this.names.putIfAbsent(r.agencyId(), r.agencyName()));
		}
		return this.names.getOrDefault(agencyId, agencyId);
	}

	/**
	 * A rule's policy statement for the board: the policy-value keys it names ({@code partnership.red.more-than})
	 * left out, since the statement says the value in words beside them.
	 */
	public String policyText(String policy) {
		if (policy == null) {
			return "";
		}
		java.util.regex.Matcher key = POLICY_KEY.matcher(policy);
		StringBuilder text = new StringBuilder();
		while (key.find()) {
			String value = (key.group(1) != null) ? key.group(1).replaceFirst("^the guidance: ", "") : "the partnership's set value";
			key.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(value));
		}
		key.appendTail(text);
		return text.toString();
	}

	/**
	 * A rule's reason in the framework's own words: the rules say "standard 9" for a top-level group and
	 * "item 9.3" for a line, which Pan-Sussex calls area 9 and standard 9.3.
	 */
	public String inOwnWords(String reason) {
		if (reason == null) {
			return "";
		}
		String text = reason;
		if (!"standard".equals(words().group())) {
			text = text.replaceAll("\\bstandard (\\d+)(?![.\\d])", java.util.regex.Matcher.quoteReplacement(words().group()) + " $1");
		}
		if (!"item".equals(words().line())) {
			text = text.replaceAll("\\bitem (\\d)", java.util.regex.Matcher.quoteReplacement(words().line()) + " $1");
		}
		return text.replace(" 1/3", " a third");
	}

	public int lineCount() {
		return this.summary.standards().stream().mapToInt((st) -> st.items().size()).sum();
	}

	/** The scale's levels in its own words: "met, partially met, needs review or not met". */
	public String scaleText() {
		List<String> labels = words().scale().stream().map((l) -> l.label().toLowerCase(java.util.Locale.UK)).toList();
		if (labels.size() < 2) {
			return String.join("", labels);
		}
		return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
	}

	/** A section the partnership wrote, as HTML in which its text is escaped (see {@link NarrativeFile#html}). */
	public String narrativeHtml(String markdown) {
		return NarrativeFile.html(markdown);
	}

	/** What the report says where the partnership has not written a section. */
	public String notWritten(String section) {
		CycleSummary.Narrative n = this.summary.narrative();
		return "The partnership has not written the " + section.toLowerCase(java.util.Locale.UK) + " for this cycle yet"
				+ ((n.problem() != null) ? " (" + n.problem() + ")" : "") + ": it goes under the heading " + section + " in "
				+ NarrativeFile.NAME + " beside the cycle's definition.";
	}

	/** The framework's own words for its levels and its scale. */
	public CycleSummary.Framing words() {
		return this.summary.framing();
	}

	/** "Area", "Standard": a level's word at the start of a sentence or a heading. */
	public String capital(String word) {
		return (word == null || word.isEmpty()) ? "" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	/** {@code n} and the word in the singular or plural: "1 standard", "3 standards", "1 is", "2 are". */
	public static String count(long n, String one, String many) {
		return n + " " + ((n == 1) ? one : many);
	}

	/** A standard or item the partnership rule rated: its id and words, and the group it is in. */
	public record Named(String id, String title, String groupId, String groupTitle, String rag, String reason) {
	}

	/**
	 * What the partnership rule rated {@code rag} at the level the pack rates: each group where the pack rates
	 * groups, else each line (Pan-Sussex: each numbered standard, never a whole area).
	 */
	public List<Named> rated(String rag) {
		return once("rated " + rag, () -> ratedWorked(rag));
	}

	private List<Named> ratedWorked(String rag) {
		return words().groupsRated() ? groupsRated(rag) : linesRated(rag);
	}

	public List<Named> groupsRated(String rag) {
		return this.summary.standards().stream().filter((st) -> st.rating() != null && rag.equals(st.rating().rag()))
			.map((st) -> new Named(st.id(), st.title(), st.id(), st.title(), rag, st.rating().reason())).toList();
	}

	public List<Named> linesRated(String rag) {
		List<Named> named = new ArrayList<>();
		for (CycleSummary.StandardSummary st : this.summary.standards()) {
			for (CycleSummary.ItemSummary item : st.items()) {
				if (item.rating() != null && rag.equals(item.rating().rag())) {
					named.add(new Named(item.id(), item.text(), st.id(), st.title(), rag, item.rating().reason()));
				}
			}
		}
		return named;
	}

	/** How many groups (where the pack rates them) or lines the partnership rule rated. */
	public int ratedCount() {
		if (words().groupsRated()) {
			return this.summary.standards().size();
		}
		return this.summary.standards().stream().mapToInt((st) -> st.items().size()).sum();
	}

	/** The word for what the rule rates, singular and plural. */
	public String ratedWord(long n) {
		return words().groupsRated() ? ((n == 1) ? words().group() : words().groups()) : ((n == 1) ? words().line() : words().lines());
	}

	/** True when the partnership's rule gives red, amber or green at the level it rates. */
	public boolean hasThreshold() {
		return !rated("RED").isEmpty() || !rated("AMBER").isEmpty() || !rated("GREEN").isEmpty();
	}

	/** A group's lines by their partnership rating: how many green, amber, red, not rated (never a rating of the group). */
	public record Distribution(int green, int amber, int red, int notRated) {

		public int total() {
			return this.green + this.amber + this.red + this.notRated;
		}

	}

	public Distribution distribution(CycleSummary.StandardSummary group) {
		int[] counts = new int[4];
		for (CycleSummary.ItemSummary item : group.items()) {
			String rag = (item.rating() != null) ? item.rating().rag() : "NOT_RATED";
			counts["GREEN".equals(rag) ? 0 : "AMBER".equals(rag) ? 1 : "RED".equals(rag) ? 2 : 3]++;
		}
		return new Distribution(counts[0], counts[1], counts[2], counts[3]);
	}

	public List<Segment> distributionBar(CycleSummary.StandardSummary group) {
		Distribution d = distribution(group);
		List<Segment> segments = new ArrayList<>();
		add(segments, "green", d.green(), d.total(), "green");
		add(segments, "amber", d.amber(), d.total(), "amber");
		add(segments, "red", d.red(), d.total(), "red");
		add(segments, "not-rated", d.notRated(), d.total(), "not rated");
		return segments;
	}

	/** "6 green, 1 amber, 1 red" of a group's lines, in words. */
	public String distributionText(CycleSummary.StandardSummary group) {
		Distribution d = distribution(group);
		List<String> parts = new ArrayList<>();
		parts.add(d.green() + " green");
		parts.add(d.amber() + " amber");
		parts.add(d.red() + " red");
		if (d.notRated() > 0) {
			parts.add(d.notRated() + " not rated");
		}
		return count(d.total(), words().line(), words().lines()) + ": " + String.join(", ", parts);
	}

	/** The CSS class of a level of the pack's scale: its red/amber/green colour only where the pack maps one. */
	public String levelCss(String code) {
		if (code == null) {
			return "not-rated";
		}
		List<CycleSummary.ScaleLevel> scale = words().scale();
		int neutral = 0;
		java.util.Map<String, Integer> seen = new java.util.HashMap<>();
		for (CycleSummary.ScaleLevel level : scale) {
			String css;
			if (level.rag() != null && words().ragColours()) {
				int nth = seen.merge(level.rag(), 1, Integer::sum);
				css = "lvl-" + level.rag() + ((nth > 1) ? "-" + nth : "");
			}
			else if ("n/a".equals(level.code())) {
				css = "not-applicable";
			}
			else {
				css = "lvl-neutral-" + Math.min(neutral++, 3);
			}
			if (level.code().equals(code)) {
				return css;
			}
		}
		return "none";
	}

	public String levelLabel(String code) {
		if (code == null) {
			return "not answered";
		}
		return words().scale().stream().filter((l) -> l.code().equals(code)).map(CycleSummary.ScaleLevel::label).findFirst().orElse(code);
	}

	/** A stacked bar of how agencies answered, one segment per level of the pack's own scale, then not answered. */
	public List<Segment> answerBar(List<CycleSummary.LevelCount> answers) {
		int total = answers.stream().mapToInt(CycleSummary.LevelCount::count).sum();
		List<Segment> segments = new ArrayList<>();
		for (CycleSummary.LevelCount level : answers) {
			add(segments, levelCss(level.code()), level.count(), total, levelLabel(level.code()));
		}
		return segments;
	}

	/** The answers to all of a group's lines together, per level of the scale. */
	public List<CycleSummary.LevelCount> groupAnswers(CycleSummary.StandardSummary group) {
		java.util.LinkedHashMap<String, Integer> sums = new java.util.LinkedHashMap<>();
		words().scale().forEach((l) -> sums.put(l.code(), 0));
		sums.put(null, 0);
		group.items().forEach((item) -> item.answers().forEach((a) -> sums.merge(a.code(), a.count(), Integer::sum)));
		return sums.entrySet().stream().map((e) -> new CycleSummary.LevelCount(e.getKey(), e.getValue())).toList();
	}

	/** "40 met, 3 partially met, 1 needs review, 0 not met" in the scale's own words. */
	public String answersText(List<CycleSummary.LevelCount> answers) {
		List<String> parts = new ArrayList<>();
		for (CycleSummary.LevelCount a : answers) {
			if (a.code() != null || a.count() > 0) {
				parts.add(a.count() + " " + levelLabel(a.code()).toLowerCase(java.util.Locale.UK));
			}
		}
		return String.join(", ", parts);
	}

	/** Where there is no threshold: the groups with the smallest share of agencies rating them at the top of the scale. */
	public List<CycleSummary.StandardSummary> lowestInPlace(int limit) {
		return this.summary.standards().stream().filter((st) -> st.rating() != null && share(st.rating()) < 1.0)
			.sorted(java.util.Comparator.comparingDouble((CycleSummary.StandardSummary st) -> share(st.rating())))
			.limit(limit).toList();
	}

	public int inPlacePercent(CycleSummary.StandardSummary group) {
		return (int) Math.round(100 * share(group.rating()));
	}

	private static double share(CycleSummary.Rating r) {
		int rated = r.green() + r.amber() + r.red();
		return (rated == 0) ? 1.0 : (double) r.green() / rated;
	}

	/** What got worse since the previous cycle, at the level the partnership rule rates (never an area of Pan-Sussex). */
	public List<CycleSummary.Change> worse() {
		return this.summary.progress().regressions().stream().filter((c) -> words().groupsRated() || c.itemId() != null).toList();
	}

	/** What was amber or red last time, at the level the partnership rule rates (never an area of Pan-Sussex). */
	public List<CycleSummary.Change> previouslyAmberOrRed() {
		return this.summary.progress().previouslyAmberOrRed().stream().filter((c) -> words().groupsRated() || c.itemId() != null).toList();
	}

	/** A standard's or item's name in the framework's words: "Standard 6.2: Safer recruitment", "Area 9: ...". */
	public String changeTitle(CycleSummary.Change change) {
		for (CycleSummary.StandardSummary st : this.summary.standards()) {
			if (!st.id().equals(change.standardId())) {
				continue;
			}
			if (change.itemId() == null) {
				return capital(words().group()) + " " + st.id() + ": " + st.title();
			}
			for (CycleSummary.ItemSummary item : st.items()) {
				if (item.id().equals(change.itemId())) {
					return capital(words().line()) + " " + item.id() + ": " + item.text();
				}
			}
		}
		return (change.itemId() != null) ? capital(words().line()) + " " + change.itemId() : capital(words().group()) + " " + change.standardId();
	}

	/** The line (or group) an action answers, in the framework's words: "Standard 6.2", "Area 6 as a whole". */
	public String actionFor(CycleSummary.PlanEntry action) {
		return (action.itemId() != null) ? capital(words().line()) + " " + action.itemId()
				: capital(words().group()) + " " + action.standardId() + " as a whole";
	}

	/** Above this many, a list in the body shows its first ones and the rest are in an appendix. */
	static final int LIST_IN_BODY = 10;

	/** The previous cycle's actions not completed, overdue first, by due date (no due date last), then agency. */
	public List<CycleSummary.PlanEntry> carriedOver() {
		return once("carriedOver", () -> carriedOverWorked());
	}

	private List<CycleSummary.PlanEntry> carriedOverWorked() {
		return this.summary.progress().carriedOver().stream()
			.sorted(java.util.Comparator.comparing((CycleSummary.PlanEntry a) -> !"OVERDUE".equals(a.status()))
				.thenComparing(CycleSummary.PlanEntry::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
				.thenComparing((a) -> String.valueOf(a.agencyName()), NaturalOrder.INSTANCE))
			.toList();
	}

	public boolean carriedOverIsLong() {
		return this.summary.progress().carriedOver().size() > LIST_IN_BODY;
	}

	/** Agencies that described outstanding practice, in natural order of their names. */
	public List<CycleSummary.Practice> practice() {
		return once("practice", () -> practiceWorked());
	}

	private List<CycleSummary.Practice> practiceWorked() {
		return this.summary.themes().outstandingPractice().stream()
			.sorted(java.util.Comparator.comparing((CycleSummary.Practice p) -> String.valueOf(p.agencyName()), NaturalOrder.INSTANCE)).toList();
	}

	/** Above this many, the body quotes the first few (shortened) and the appendix every one in full. */
	static final int PRACTICE_IN_BODY = 3;

	public boolean practiceIsLong() {
		return this.summary.themes().outstandingPractice().size() > PRACTICE_IN_BODY;
	}

	/** An agency's text shortened to about {@code max} characters at a word, with an ellipsis; whole if short. */
	public String excerpt(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max);
		return text.substring(0, (cut > max / 2) ? cut : max).strip() + " …";
	}

	/**
	 * The letter of an appendix ("A", "B" ...), in the order they are printed; the optional ones (each agency's
	 * rating of each group, outstanding practice, actions carried over) only when the body cannot hold them.
	 */
	public String appendix(String key) {
		List<String> present = new ArrayList<>(List.of("register", "every-item", "full-plan"));
		if (heatmapIsLong()) {
			present.add("heatmap");
		}
		if (practiceIsLong()) {
			present.add("practice");
		}
		if (this.summary.progress().previousCycleId() != null && carriedOverIsLong()) {
			present.add("carried-over");
		}
		if (!this.summary.moderation().items().isEmpty()) {
			present.add("moderated");
		}
		int index = present.indexOf(key);
		return (index < 0) ? "" : String.valueOf((char) ('A' + index));
	}

	/**
	 * What the methodology says about challenge and moderation: whether the partnership-wide ratings count the
	 * ratings a challenge agreed, and how many there are.
	 */
	public String moderationText() {
		List<CycleSummary.ModeratedItem> items = this.summary.moderation().items();
		long agencies = items.stream().map(CycleSummary.ModeratedItem::agencyId).distinct().count();
		String policy = this.summary.moderation().countsModerated()
				? "Where a challenge (a challenge day, moderation panel or peer review) agreed a different rating of an item for an agency, the partnership-wide ratings count that moderated rating instead of the agency's own, as the partnership's rules say."
				: "The partnership's rules say the partnership-wide ratings count each agency's own ratings; ratings agreed at a challenge (a challenge day, moderation panel or peer review) are shown beside them but not counted.";
		if (items.isEmpty()) {
			return policy + " No rating has been moderated in this cycle.";
		}
		return policy + " " + count(items.size(), "rating", "ratings") + " of " + count((int) agencies, "agency", "agencies")
				+ ((items.size() == 1) ? " was" : " were") + " moderated; each is in " + appendixName("moderated") + ", beside the agency's own rating.";
	}

	/** "Appendix D": the name of an appendix as the body refers to it. */
	public String appendixName(String key) {
		return "Appendix " + appendix(key);
	}

	/** A return's agency by name (its id only where the agency is not known). */
	public String agencyOf(CycleSummary.SourceSubmission submission) {
		return agencyName(submission.agencyId());
	}

	/** The stored returns by agency name, in natural order. */
	public List<CycleSummary.SourceSubmission> sources() {
		return once("sources", () -> sourcesWorked());
	}

	private List<CycleSummary.SourceSubmission> sourcesWorked() {
		return this.summary.provenance().submissions().stream()
			.sorted(java.util.Comparator.comparing((CycleSummary.SourceSubmission s) -> agencyOf(s), NaturalOrder.INSTANCE)
				.thenComparingInt(CycleSummary.SourceSubmission::version))
			.toList();
	}

	/** Whether any group's wording is modelled (not the partnership's own tool's words), said in a footnote. */
	public boolean anyModelled() {
		return this.summary.standards().stream().anyMatch(CycleSummary.StandardSummary::modelled);
	}

	/** Agencies with an overdue action: how many. */
	public long agenciesOverdue() {
		return overdueActions().stream().map(CycleSummary.PlanEntry::agencyId).distinct().count();
	}

	/** The participation sentence: expected, returned, on time, late, rejected, not returned, in that order. */
	public String participationText() {
		CycleSummary.Participation p = this.summary.participation();
		List<String> parts = new ArrayList<>();
		parts.add(p.onTime() + " on time");
		parts.add(p.late() + " late");
		String sentence = p.returned() + " of " + count(p.expected(), "expected agency", "expected agencies") + " returned ("
				+ p.returnRatePercent() + "%): " + String.join(", ", parts) + ".";
		int notReturned = p.notReturned() - p.rejected();
		if (p.rejected() > 0) {
			sentence += " " + count(p.rejected(), "agency's return was", "agencies' returns were") + " rejected (every file "
					+ ((p.rejected() == 1) ? "it" : "they") + " sent could not be accepted).";
		}
		if (notReturned > 0) {
			sentence += " " + count(notReturned, "agency", "agencies") + " did not return.";
		}
		return sentence;
	}

	/** The state of the plan in one sentence, with an action without a due date never counted as on time. */
	public String planText() {
		long overdue = countPlan("OVERDUE");
		long open = countPlan("OPEN");
		long noDue = countPlan("NO_DUE_DATE");
		long done = countPlan("DONE");
		String sentence = count(overdue, "action is", "actions are") + " overdue as of " + day(this.summary.asOf());
		if (overdue > 0) {
			sentence += " (" + count(agenciesOverdue(), "agency", "agencies") + ")";
		}
		sentence += "; " + count(open, "is", "are") + " open and not yet due";
		if (noDue > 0) {
			sentence += ", " + count(noDue, "has", "have") + " no due date";
		}
		return sentence + " and " + count(done, "is", "are") + " done.";
	}

	/** The opening paragraph (kept for the plain-text uses): participation, the partnership picture and the plan. */
	public List<String> narrative() {
		List<String> sentences = new ArrayList<>();
		sentences.add(participationText());
		if (hasThreshold()) {
			sentences.add(count(rated("RED").size(), ratedWord(rated("RED").size()), ratedWord(2)) + " of " + ratedCount() + " "
					+ ((rated("RED").size() == 1) ? "is" : "are") + " rated red for the partnership, " + rated("AMBER").size() + " amber and "
					+ rated("GREEN").size() + " green.");
		}
		sentences.add(planText());
		return sentences;
	}

	/**
	 * The CSS class of an agency's own red/amber/green rating (a heatmap cell): the colour where the pack's
	 * board sees colours, else the neutral shade of the scale level it stands for.
	 */
	public String heatCss(String rag) {
		if (words().ragColours() || rag == null || !List.of("GREEN", "AMBER", "RED").contains(rag)) {
			return css(rag);
		}
		return levelsOf(rag).stream().findFirst().map(this::levelCss).orElse("none");
	}

	/** The text of a heatmap cell: G, A, R (N/A, –), or the scale's own word where the board sees no colours. */
	public String heatText(String rag) {
		if (words().ragColours() || rag == null || !List.of("GREEN", "AMBER", "RED").contains(rag)) {
			return letter(rag);
		}
		return String.join(" or ", levelsOf(rag).stream().map(this::levelLabel).toList());
	}

	/**
	 * The legend of the letters of an agency's own rating: "G: green", or in the scale's words where they differ
	 * from the colour ("A: amber (partially met or needs review)").
	 */
	public List<String> ragLegend() {
		List<String> legend = new ArrayList<>();
		for (String rag : List.of("GREEN", "AMBER", "RED")) {
			List<String> levels = levelsOf(rag).stream().map(this::levelLabel).map((l) -> l.toLowerCase(java.util.Locale.UK)).toList();
			String colour = label(rag).toLowerCase(java.util.Locale.UK);
			String words = String.join(" or ", levels);
			if (!levels.isEmpty()) {
				legend.add(letter(rag) + ": " + (words.equals(colour) ? colour : colour + " (" + words + ")"));
			}
		}
		return legend;
	}

	/** Whether a bar segment is wide enough to print its count inside it (the sentence under the bar has every count). */
	public boolean roomFor(Segment segment) {
		return segment.width() >= 4.0 + 1.5 * String.valueOf(segment.count()).length();
	}

	/**
	 * A rule's reason without what the box "How the partnership rating is decided" already says above the table
	 * (Pan-London's "The 2012 template sets no partnership threshold." on every line).
	 */
	public String reasonText(String reason) {
		String text = inOwnWords(reason);
		List<String> stated = new ArrayList<>();
		this.summary.ratingPolicy().forEach((p) -> stated.add(policyText((p.policy() != null) ? p.policy() : p.rule())));
		if (words().groupRule() != null) {
			stated.add(ownWords(words().groupRule()));
		}
		StringBuilder kept = new StringBuilder();
		for (String sentence : text.split("(?<=\\.)\\s+")) {
			String bare = sentence.strip();
			boolean repeated = bare.length() > 20 && stated.stream().anyMatch((st) -> st.contains(bare.replaceAll("\\.$", "")));
			if (!repeated) {
				kept.append((kept.length() > 0) ? " " : "").append(bare);
			}
		}
		return (kept.length() > 0) ? kept.toString() : text;
	}

	/** The group rule under the rules' own statements, without the sentences they already say (null: nothing new). */
	public String groupRuleInBox() {
		String rule = groupRule();
		if (rule == null) {
			return null;
		}
		List<String> stated = this.summary.ratingPolicy().stream().map((p) -> policyText((p.policy() != null) ? p.policy() : p.rule())).toList();
		List<String> kept = new ArrayList<>();
		for (String sentence : rule.split("(?<=\\.)\\s+")) {
			String bare = sentence.strip().replaceAll("\\.$", "");
			if (stated.stream().noneMatch((st) -> st.contains(bare))) {
				kept.add(sentence.strip());
			}
		}
		return kept.isEmpty() ? null : String.join(" ", kept);
	}

	/** The group rule of the pack's framework, for the board: "the pack" is the partnership's rules. */
	public String groupRule() {
		return ownWords(words().groupRule());
	}

	/** A framework's own statement with the software's word "pack" put as the board says it. */
	static String ownWords(String text) {
		if (text == null) {
			return null;
		}
		return text.replace("This pack ", "The partnership’s rule set ").replace("this pack ", "the partnership’s rule set ")
			.replace("the pack’s ", "the partnership’s ").replace("the pack's ", "the partnership's ").replace(" pack ", " rule set ")
			.replace(" (pack-defined; ", " (");
	}

	private List<String> levelsOf(String rag) {
		return words().scale().stream().filter((l) -> rag.equalsIgnoreCase(String.valueOf(l.rag()))).map(CycleSummary.ScaleLevel::code).toList();
	}

	private static void add(List<Segment> segments, String css, int count, int total, String label) {
		if (count > 0) {
			segments.add(new Segment(css, 100.0 * count / total, count, label));
		}
	}

}

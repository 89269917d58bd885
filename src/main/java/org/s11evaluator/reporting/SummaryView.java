package org.s11evaluator.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Helpers the summary template calls: labels, colours and chart segments, and the opening paragraph in
 * plain English. Only numbers and fixed words are produced here; agency text is never turned into markup.
 */
public final class SummaryView {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private static final Map<String, String> LABELS = Map.of("GREEN", "Green", "AMBER", "Amber", "RED", "Red", "NOT_APPLICABLE", "N/A",
			"NOT_RATED", "Not rated", "ON_TIME", "Returned", "LATE", "Returned late", "NOT_RETURNED", "Not returned", "REJECTED",
			"Rejected", "OPEN", "Open");

	private final CycleSummary summary;

	SummaryView(CycleSummary summary) {
		this.summary = summary;
	}

	/** One segment of a stacked bar: a CSS class, a width in percent of the bar, the count and what it counts. */
	public record Segment(String css, double width, int count, String label) {
	}

	public String label(String code) {
		if (code == null) {
			return "";
		}
		if ("OVERDUE".equals(code) || "DONE".equals(code)) {
			return code.charAt(0) + code.substring(1).toLowerCase();
		}
		return LABELS.getOrDefault(code, code);
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
		add(segments, "green", p.onTime(), total, "on time");
		add(segments, "amber", p.late(), total, "late");
		add(segments, "red", p.notReturned(), total, "not returned");
		return segments;
	}

	public long countStandards(String rag) {
		return this.summary.standards().stream().filter((s) -> s.rating() != null && rag.equals(s.rating().rag())).count();
	}

	/** True when the partnership's rule gives standards a red, amber or green rating. */
	public boolean hasThreshold() {
		return countStandards("RED") + countStandards("AMBER") + countStandards("GREEN") > 0;
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
		java.util.Map<String, List<CycleSummary.PlanEntry>> byAgency = new java.util.TreeMap<>();
		this.summary.improvementPlan().forEach((p) -> byAgency.computeIfAbsent(String.valueOf(p.agencyName()), (k) -> new java.util.ArrayList<>()).add(p));
		return byAgency.entrySet().stream().map((e) -> new PlanByAgency(e.getKey(),
				e.getValue().stream().filter((p) -> "OVERDUE".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "OPEN".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "DONE".equals(p.status())).count(),
				e.getValue().stream().filter((p) -> "FOLLOW_UP".equals(p.source())).count()))
			.sorted(java.util.Comparator.comparingLong(PlanByAgency::overdue).reversed().thenComparing(PlanByAgency::agencyName))
			.toList();
	}

	public List<CycleSummary.PlanEntry> overdueActions() {
		return this.summary.improvementPlan().stream().filter((p) -> "OVERDUE".equals(p.status())).toList();
	}

	/** The opening paragraph: participation, the partnership picture and the state of the plan. */
	public List<String> narrative() {
		CycleSummary.Participation p = this.summary.participation();
		List<String> sentences = new ArrayList<>();
		sentences.add(p.returned() + " of " + p.expected() + " agencies expected to return did so (" + p.returnRatePercent() + "%)"
				+ ((p.late() > 0) ? ", " + p.late() + " after the deadline of " + day(this.summary.cycle().returnDeadline()) : "")
				+ ((p.notReturned() > 0) ? "; " + p.notReturned() + " did not return" : "") + ".");
		if (p.rejectedFiles() > 0) {
			sentences.add(p.rejectedFiles() + " returned file(s) could not be accepted; they are listed after the register with their reasons.");
		}
		long red = countStandards("RED");
		long amber = countStandards("AMBER");
		long green = countStandards("GREEN");
		int standards = this.summary.standards().size();
		if (red + amber + green > 0) {
			sentences.add("Across the partnership, " + red + " of " + standards + " standards are rated red, " + amber + " amber and "
					+ green + " green under the partnership's threshold rule.");
		}
		else {
			sentences.add("The partnership's policy reports compliance for each of the " + standards
					+ " standards without a red/amber/green threshold; the counts are below.");
		}
		sentences.add(countPlan("OPEN") + countPlan("OVERDUE") + " improvement actions are outstanding, " + countPlan("OVERDUE")
				+ " of them overdue as of " + day(this.summary.asOf()) + "; " + countPlan("DONE") + " are done.");
		CycleSummary.Progress progress = this.summary.progress();
		if (progress.previousCycleId() != null) {
			long improved = progress.previouslyAmberOrRed().stream().filter(improvedTo()).count();
			sentences.add("Since " + progress.previousCycleTitle() + ", " + improved + " of " + progress.previouslyAmberOrRed().size()
					+ " standards and items then rated amber or red are now green, and " + progress.regressions().size()
					+ " have got worse.");
		}
		return sentences;
	}

	private static Predicate<CycleSummary.Change> improvedTo() {
		return (change) -> "GREEN".equals(change.now());
	}

	private static void add(List<Segment> segments, String css, int count, int total, String label) {
		if (count > 0) {
			segments.add(new Segment(css, 100.0 * count / total, count, label));
		}
	}

}

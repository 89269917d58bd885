package org.s11evaluator.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary's wording and structure from a summary document built in memory: what the board is told about
 * progress, which appendices there are and their letters, the history in plain words, the heatmap's legend.
 */
class SummaryViewTests {

	private static final CycleSummary.Framing SUSSEX = new CycleSummary.Framing("area", "areas", "standard", "standards", false, null,
			"Self-assessment rating", true, List.of(new CycleSummary.ScaleLevel("green", "Green", "GREEN"),
					new CycleSummary.ScaleLevel("amber", "Amber", "AMBER"), new CycleSummary.ScaleLevel("red", "Red", "RED"),
					new CycleSummary.ScaleLevel("n/a", "N/A", null)));

	private static final CycleSummary.Framing BARKING = new CycleSummary.Framing("standard", "standards", "item", "items", true,
			"This pack rates a standard as it rates an item.", "Rating", true, List.of(new CycleSummary.ScaleLevel("met", "Met", "GREEN"),
					new CycleSummary.ScaleLevel("partially-met", "Partially met", "AMBER"),
					new CycleSummary.ScaleLevel("needs-review", "Needs review", "AMBER"), new CycleSummary.ScaleLevel("not-met", "Not met", "RED")));

	@Test
	void progressAtTheLevelTheGuidanceRatesNamesStandardsInItsWordsAndLeavesOutWholeAreas() {
		CycleSummary.Progress progress = new CycleSummary.Progress("sussex-2023", "Pan-Sussex 2023",
				List.of(new CycleSummary.Change("9", null, "Standard 9: Risk", "AMBER", "GREEN"), new CycleSummary.Change("9", "9.3", "9.3 text", "RED", "AMBER")),
				List.of(new CycleSummary.Change("9", null, "Standard 9: Risk", "GREEN", "AMBER"), new CycleSummary.Change("9", "9.3", "9.3 text", "GREEN", "AMBER")),
				List.of(), 1);
		SummaryView view = new SummaryView(summary(SUSSEX, 3, 0, progress, List.of()));

		assertThat(view.worse()).extracting(CycleSummary.Change::itemId).containsExactly("9.3");
		assertThat(view.previouslyAmberOrRed()).extracting(CycleSummary.Change::itemId).containsExactly("9.3");
		assertThat(view.changeTitle(view.worse().get(0))).isEqualTo("Standard 9.3: Staff recognise risk");
		assertThat(view.changeTitle(progress.regressions().get(0))).isEqualTo("Area 9: Recognition and response to risk");
	}

	@Test
	void whereThePackRatesWholeStandardsTheirChangesAreShownToo() {
		CycleSummary.Progress progress = new CycleSummary.Progress("bd-2023", "2023", List.of(),
				List.of(new CycleSummary.Change("9", null, "x", "GREEN", "RED")), List.of(), null);
		SummaryView view = new SummaryView(summary(BARKING, 3, 0, progress, List.of()));

		assertThat(view.worse()).hasSize(1);
		assertThat(view.changeTitle(view.worse().get(0))).isEqualTo("Standard 9: Recognition and response to risk");
	}

	@Test
	void appendicesAreLetteredInTheOrderTheyArePrintedWithOnlyThoseTheBodyCannotHold() {
		List<CycleSummary.PlanEntry> carried = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			carried.add(action("Agency " + (11 - i), (i == 5) ? null : LocalDate.of(2025, 1 + i, 1), (i % 2 == 0) ? "OVERDUE" : "OPEN"));
		}
		CycleSummary.Progress progress = new CycleSummary.Progress("sussex-2023", "2023", List.of(), List.of(), carried, 1);

		SummaryView large = new SummaryView(summary(SUSSEX, 30, 4, progress, List.of()));
		assertThat(List.of("register", "every-item", "full-plan", "heatmap", "practice", "carried-over")).extracting(large::appendix)
			.containsExactly("A", "B", "C", "D", "E", "F");
		// overdue first by due date, then the open ones by due date, no due date last
		assertThat(large.carriedOver()).extracting(CycleSummary.PlanEntry::status).startsWith("OVERDUE", "OVERDUE").endsWith("OPEN");
		assertThat(large.carriedOver().get(large.carriedOver().size() - 1).due()).isNull();

		SummaryView small = new SummaryView(summary(SUSSEX, 12, 3, new CycleSummary.Progress("x", "x", List.of(), List.of(), carried.subList(0, 10), 1), List.of()));
		assertThat(List.of("register", "every-item", "full-plan", "heatmap", "practice", "carried-over")).extracting(small::appendix)
			.containsExactly("A", "B", "C", "", "", "");

		SummaryView someHeld = new SummaryView(summary(SUSSEX, 12, 2, progress, List.of()));
		assertThat(someHeld.appendixName("carried-over")).isEqualTo("Appendix D");
	}

	@Test
	void theHistoryCountsADaysImportsAndRunsAndNamesNoFileRunNumberOrFingerprint() {
		LocalDateTime day = LocalDateTime.of(2025, 3, 14, 10, 0);
		List<CycleSummary.HistoryEntry> history = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			history.add(new CycleSummary.HistoryEntry(day.plusSeconds(i), "return imported", "/srv/in/agency-" + i + ".json", "agency agency-" + i, "operator", null));
		}
		history.add(new CycleSummary.HistoryEntry(day.plusHours(1), "return rejected", "/srv/in/bad.json", "agency agency-001", "operator", "$.responses[3].rating: not one of"));
		history.add(new CycleSummary.HistoryEntry(day.plusHours(2), "evaluation run", "evaluation run 5 (COMPLETED)", "150 return(s) evaluated by rule pack pan-sussex version cdf806", "operator", null));
		history.add(new CycleSummary.HistoryEntry(day.plusHours(2), "rule-pack version first used", "pan-sussex version cdf806", "by evaluation run 5 (COMPLETED)", "operator", null));
		history.add(new CycleSummary.HistoryEntry(day.plusDays(20), "cycle closed", "edition 1", null, "J. Smith", "Agreed at the board of 3 April"));

		SummaryView view = new SummaryView(summary(SUSSEX, 3, 0, new CycleSummary.Progress(null, null, List.of(), List.of(), List.of(), null), history));

		assertThat(view.boardHistory()).containsExactly(
				new SummaryView.BoardHistory("14 March 2025", "150 returns imported", "operator", null),
				new SummaryView.BoardHistory("14 March 2025", "A return could not be accepted (Agency 2)", "operator", null),
				new SummaryView.BoardHistory("14 March 2025", "Evaluation run: 150 returns evaluated", "operator", null),
				new SummaryView.BoardHistory("14 March 2025", "A new version of the partnership’s rules was first used", "operator", null),
				new SummaryView.BoardHistory("3 April 2025", "Cycle closed and its summary published", "J. Smith", "Agreed at the board of 3 April"));
	}

	@Test
	void theHeatmapLegendExplainsEachLetterInTheScalesWordsWithoutSayingGreenIsGreen() {
		assertThat(new SummaryView(summary(SUSSEX, 3, 0, null, List.of())).ragLegend()).containsExactly("G: green", "A: amber", "R: red");
		assertThat(new SummaryView(summary(BARKING, 3, 0, null, List.of())).ragLegend())
			.containsExactly("G: green (met)", "A: amber (partially met or needs review)", "R: red (not met)");
	}

	@Test
	void theSoftwaresWordsAreNotTheBoards() {
		SummaryView view = new SummaryView(summary(BARKING, 3, 0, null, List.of()));
		assertThat(view.groupRule()).isEqualTo("The partnership’s rule set rates a standard as it rates an item.");
		assertThat(view.excerpt("one two three four five six", 12)).isEqualTo("one two …");
		assertThat(view.excerpt("short", 12)).isEqualTo("short");
	}

	private static CycleSummary.PlanEntry action(String agency, LocalDate due, String status) {
		return new CycleSummary.PlanEntry("AGENCY", agency.toLowerCase().replace(' ', '-'), agency, "9", "9.3", "Train staff", "Lead", due, status,
				null, null, null, null);
	}

	/** A summary of {@code agencies} agencies (Agency 1 ...), {@code practice} of whom described outstanding practice. */
	private static CycleSummary summary(CycleSummary.Framing framing, int agencies, int practice, CycleSummary.Progress progress,
			List<CycleSummary.HistoryEntry> history) {
		List<CycleSummary.RegisterEntry> register = new ArrayList<>();
		List<CycleSummary.HeatmapRow> heatmap = new ArrayList<>();
		List<CycleSummary.Practice> practices = new ArrayList<>();
		for (int i = 0; i < agencies; i++) {
			register.add(new CycleSummary.RegisterEntry(String.format("agency-%03d", i), "Agency " + (i + 1), null, true, "ON_TIME", null, null, null, 1, null));
			heatmap.add(new CycleSummary.HeatmapRow(String.format("agency-%03d", i), "Agency " + (i + 1), List.of("GREEN")));
			if (i < practice) {
				practices.add(new CycleSummary.Practice("Agency " + (i + 1), "Good practice"));
			}
		}
		CycleSummary.Rating green = new CycleSummary.Rating("GREEN", agencies, 0, 0, 0, 0, "All green.", "rule", "v1");
		List<CycleSummary.StandardSummary> standards = List.of(new CycleSummary.StandardSummary("9", "Recognition and response to risk", false,
				framing.groupsRated() ? green : null, List.of(new CycleSummary.ItemSummary("9.3", "Staff recognise risk", green, List.of()))));
		return new CycleSummary(CycleSummary.FORMAT, Instant.parse("2025-10-01T09:00:00Z"), LocalDate.of(2025, 10, 1),
				new CycleSummary.CycleInfo("c", "Cycle", "p", "Partnership", "pack", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 3, 31)),
				new CycleSummary.Participation(agencies, agencies, agencies, 0, 0, 0, 0, 100, 0, 0), register, List.of(), List.of(), standards, heatmap,
				List.of(), (progress != null) ? progress : new CycleSummary.Progress(null, null, List.of(), List.of(), List.of(), null),
				new CycleSummary.Themes(List.of(), practices), new CycleSummary.Provenance("v1", List.of("v1"), List.of(), history), framing,
				new CycleSummary.Narrative("narrative.md", null, null, null, null, NarrativeFile.SECTIONS, null), List.of(), null);
	}

}

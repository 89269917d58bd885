package org.s11evaluator.survey;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleClosure;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.partnershiprating.RatingModeration;
import org.s11evaluator.files.AtomicFiles;
import org.s11evaluator.moderation.ModeratedRating;
import org.s11evaluator.moderation.ModerationManagement;
import org.s11evaluator.reporting.PdfRenderer;
import org.s11evaluator.reporting.ReportingSettings;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePacks;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a cycle's challenge-day pack to {@code output/<cycle>/challenge-day/}: per agency, the self-ratings the staff
 * survey contradicts with the numbers behind them; partnership-wide, per question, the share of agencies rating it green
 * beside the share of staff agreeing; and every moderated rating beside the agency's own. HTML, PDF and CSV, each written
 * atomically. No group of fewer respondents than {@code survey.smallest-group} is shown on its own.
 */
@Service
public class ChallengeDay {

	static final String SMALLEST_GROUP = "survey.smallest-group";

	private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final CycleManagement cycles;

	private final PublishedPacks packs;

	private final RulePacks folders;

	private final EvaluationResults results;

	private final SurveyStore store;

	private final ChallengeFlags challenge;

	private final ModerationManagement moderation;

	private final ITemplateEngine templates;

	private final Path output;

	private final java.time.Clock clock;

	ChallengeDay(CycleManagement cycles, PublishedPacks packs, RulePacks folders, EvaluationResults results, SurveyStore store,
			ChallengeFlags challenge, ModerationManagement moderation, ITemplateEngine templates, ReportingSettings settings, java.time.Clock clock) {
		this.cycles = cycles;
		this.packs = packs;
		this.folders = folders;
		this.results = results;
		this.store = store;
		this.challenge = challenge;
		this.moderation = moderation;
		this.templates = templates;
		this.output = settings.outputDirectory();
		this.clock = clock;
	}

	/** Writes the pack (deriving the flags again first while the cycle is open) and returns its folder. */
	public Path write(String cycleId) {
		Cycle cycle = this.cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		boolean closed = this.cycles.closure(cycleId).map(CycleClosure::isClosed).orElse(false);
		if (!closed && this.store.imported(cycleId).isPresent()) {
			this.challenge.derive(cycleId);
		}
		ChallengeDayView view = view(cycle);
		Path folder = this.output.resolve(cycleId).resolve("challenge-day");
		Context context = new Context(Locale.UK);
		context.setVariable("v", view);
		String html = this.templates.process("challenge-day", context);
		AtomicFiles.writeString(folder.resolve("challenge-day.html"), html);
		AtomicFiles.write(folder.resolve("challenge-day.pdf"), (out) -> PdfRenderer.render(html, out));
		AtomicFiles.writeString(folder.resolve("challenge-flags.csv"), Csv.of(List.of("agency", "item", "item_text", "self_rating", "survey_question",
				"survey_numbers", "explanation", "rule", "pack_version"), view.agencies().stream()
			.flatMap((a) -> a.flags().stream().map((f) -> List.of(a.agency(), f.item(), f.itemText(), f.selfRating(), f.question(), f.numbers(),
					f.explanation(), f.rule(), f.packVersion())))
			.toList()));
		AtomicFiles.writeString(folder.resolve("survey-by-question.csv"), Csv.of(List.of("survey_question", "item", "item_text",
				"agencies_rating_it_green", "staff_agreeing", "staff_not_agreeing"), view.questions().stream()
			.map((q) -> List.of(q.question(), q.item(), q.itemText(), q.agenciesGreen(), q.staffAgreeing(), q.staffNotAgreeing()))
			.toList()));
		AtomicFiles.writeString(folder.resolve("moderated-ratings.csv"), Csv.of(List.of("agency", "item", "self_rating", "moderated_rating",
				"agreed_by", "agreed_on", "reason"), view.moderations().stream()
			.map((m) -> List.of(m.agency(), m.item(), m.selfRating(), m.moderatedRating(), m.agreedBy(), m.agreedOn(), m.reason()))
			.toList()));
		return folder;
	}

	ChallengeDayView view(Cycle cycle) {
		RulePack pack = this.packs.usable(cycle.packId()).pack();
		Framework framework = pack.framework();
		int smallest = smallestGroup(pack);
		Map<String, String> names = new HashMap<>();
		this.cycles.agencies(cycle.id()).forEach((a) -> names.put(a.id(), a.name()));
		Map<Long, String> agencyOf = this.results.agencies(cycle.id());
		Map<String, Map<String, String>> selfRatings = new HashMap<>();
		this.results.ratings(cycle.id()).forEach((submission, r) -> selfRatings.put(agencyOf.get(submission), r.items()));
		SurveyMapping mapping = SurveyMapping.of(this.folders.folder(cycle.packId())).orElse(new SurveyMapping(null, List.of()));
		List<SurveyCount> counts = this.store.counts(cycle.id());
		List<ChallengeFlag> stored = this.challenge.flags(cycle.id());
		java.util.Set<String> flagged = stored.stream().map((f) -> f.agencyId() + "/" + f.itemId()).collect(Collectors.toSet());
		List<ChallengeDayView.QuestionRow> questions = new ArrayList<>();
		for (SurveyMapping.Question q : mapping.questions()) {
			List<SurveyCount> answers = counts.stream().filter((c) -> c.questionId().equals(q.id())).toList();
			if (answers.isEmpty()) {
				continue;
			}
			int respondents = answers.stream().mapToInt(SurveyCount::respondents).sum();
			int agreeing = answers.stream().mapToInt(SurveyCount::agreeing).sum();
			int disagreeing = answers.stream().mapToInt(SurveyCount::disagreeing).sum();
			long rated = selfRatings.values().stream().map((items) -> items.get(q.item()))
				.filter((rag) -> "GREEN".equals(rag) || "AMBER".equals(rag) || "RED".equals(rag)).count();
			long green = selfRatings.values().stream().filter((items) -> "GREEN".equals(items.get(q.item()))).count();
			// the agencies whose own figures for this question are shown (on a challenge) must not leave fewer than
			// the smallest group in the rest, or the partnership-wide figure minus theirs would show that small group
			int shownOnTheirOwn = answers.stream().filter((c) -> c.respondents() >= smallest && flagged.contains(c.agencyId() + "/" + q.item()))
				.mapToInt(SurveyCount::respondents).sum();
			int rest = respondents - shownOnTheirOwn;
			boolean shown = respondents >= smallest && (rest == 0 || rest >= smallest);
			questions.add(new ChallengeDayView.QuestionRow(q.question(), q.item(), framework.itemsById().get(q.item()).text(),
					(rated == 0) ? "no agency rated it" : number(green) + " of " + number(rated) + " (" + percent(green, rated) + ")",
					shown ? number(agreeing) + " of " + number(respondents) + " (" + percent(agreeing, respondents) + ")" : ((respondents < smallest) ? "fewer than " + smallest + " answered: not shown"
							: "not shown, so that no group of fewer than " + smallest + " can be worked out from it"),
					shown ? number(disagreeing) + " (" + percent(disagreeing, respondents) + ")" : "not shown"));
		}
		Map<String, List<ChallengeDayView.FlagRow>> flags = new LinkedHashMap<>();
		for (ChallengeFlag f : stored) {
			SurveyMapping.Question q = mapping.questions().stream().filter((x) -> x.item().equals(f.itemId())).findFirst().orElse(null);
			SurveyCount c = (q == null) ? null : counts.stream().filter((x) -> x.agencyId().equals(f.agencyId()) && x.questionId().equals(q.id()))
				.findFirst().orElse(null);
			if (c == null || c.respondents() < smallest) {
				continue; // a group too small to show on its own (the rules do not flag one; a changed value could)
			}
			flags.computeIfAbsent(names.getOrDefault(f.agencyId(), f.agencyId()), (k) -> new ArrayList<>()).add(new ChallengeDayView.FlagRow(
					f.itemId(), framework.itemsById().get(f.itemId()).text(), "Green", q.question(),
					number(c.disagreeing()) + " of " + number(c.respondents()) + " staff answering (" + percent(c.disagreeing(), c.respondents()) + ") did not agree",
					f.message(), f.rule(), f.packVersion().substring(0, 12)));
		}
		List<ChallengeDayView.AgencySection> agencies = flags.entrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.map((e) -> new ChallengeDayView.AgencySection(e.getKey(), e.getValue()))
			.toList();
		List<ChallengeDayView.ModerationRow> moderations = new ArrayList<>();
		for (ModeratedRating m : this.moderation.current(cycle.id())) {
			String self = selfRatings.getOrDefault(m.agencyId(), Map.of()).get(m.itemId());
			moderations.add(new ChallengeDayView.ModerationRow(names.getOrDefault(m.agencyId(), m.agencyId()), m.itemId(),
					(self == null) ? "not rated" : words(self), framework.scale().level(m.rating()).map(Framework.Level::label).orElse(m.rating()),
					m.agreedBy(), UK.format(m.agreedOn()), m.reason()));
		}
		moderations.sort(java.util.Comparator.comparing(ChallengeDayView.ModerationRow::agency)
			.thenComparing(ChallengeDayView.ModerationRow::item, ItemOrder.INSTANCE));
		return new ChallengeDayView(framework.partnership().name() + ": section 11 challenge day", framework.partnership().name(), cycle.title(),
				UK.format(LocalDate.now(this.clock)), surveyLine(cycle.id(), counts), smallGroupLine(counts, smallest), questions, agencies,
				moderationPolicy(pack), moderations);
	}

	private String surveyLine(String cycleId, List<SurveyCount> counts) {
		return this.store.imported(cycleId).map((i) -> {
			Map<String, Integer> largest = counts.stream()
				.collect(Collectors.toMap(SurveyCount::agencyId, SurveyCount::respondents, Math::max));
			int staff = largest.values().stream().mapToInt(Integer::intValue).sum();
			return "Staff survey: answers from " + number(staff) + " staff of " + largest.size() + ((largest.size() == 1) ? " agency" : " agencies")
					+ ", imported on " + UK.format(i.importedAt().toLocalDate()) + ". Only counts per agency and question are kept.";
		}).orElse("No staff survey has been imported for this cycle.");
	}

	private static String smallGroupLine(List<SurveyCount> counts, int smallest) {
		long small = counts.stream().filter((c) -> c.respondents() < smallest).map(SurveyCount::agencyId).distinct().count();
		return "No group of fewer than " + smallest + " respondents is shown on its own" + ((small == 0) ? "."
				: ": for " + small + ((small == 1) ? " agency" : " agencies") + ", some questions had fewer answers, which count only in the partnership-wide figures.");
	}

	private static String moderationPolicy(RulePack pack) {
		return RatingModeration.countsModerated(pack) ? "This partnership's policy: the partnership-wide rating counts the moderated rating of an item where one is recorded, "
				+ "and the agency's own rating otherwise."
				: "This partnership's policy: the partnership-wide rating counts each agency's own rating; moderated ratings are shown here beside them.";
	}

	static int smallestGroup(RulePack pack) {
		RulePack.PolicyValue value = pack.policyValues().get(SMALLEST_GROUP);
		return (value == null) ? 10 : Integer.parseInt(value.value().strip());
	}

	/** A stored rating in words: Green, Amber, Red, N/A, not rated. */
	private static String words(String rag) {
		if ("NOT_APPLICABLE".equals(rag)) {
			return "N/A";
		}
		if ("NOT_RATED".equals(rag)) {
			return "not rated";
		}
		return rag.charAt(0) + rag.substring(1).toLowerCase(Locale.ROOT);
	}

	static String percent(long part, long whole) {
		return (whole == 0) ? "none answered" : Math.round(100.0 * part / whole) + "%";
	}

	static String number(long n) {
		return String.format(Locale.UK, "%,d", n);
	}

}

package org.s11evaluator.survey;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.partnershiprating.CycleRated;
import org.s11evaluator.evaluation.EvaluationResults;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.SurveyAnswer;
import org.s11evaluator.submission.StoredSubmissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets the staff survey beside each agency's return and lets the pack's challenge rules say which self-ratings it
 * contradicts. Derived again, replacing the cycle's flags, whenever the survey is imported and whenever the cycle is rated
 * (after its returns are evaluated, so also when the pack changes).
 */
@Service
public class ChallengeFlags {

	/** The finding code challenge rules give: only these outcomes of a survey run are kept. */
	public static final String CODE = "SURVEY_CHALLENGE";

	private static final Logger log = LoggerFactory.getLogger(ChallengeFlags.class);

	private final SurveyStore store;

	private final CycleManagement cycles;

	private final PublishedPacks packs;

	private final RulePacks folders;

	private final EvaluationResults results;

	private final StoredSubmissions submissions;

	private final RuleEngine engine;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ChallengeFlags(SurveyStore store, CycleManagement cycles, PublishedPacks packs, RulePacks folders, EvaluationResults results,
			StoredSubmissions submissions, RuleEngine engine, TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.cycles = cycles;
		this.packs = packs;
		this.folders = folders;
		this.results = results;
		this.submissions = submissions;
		this.engine = engine;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The cycle's flags as last derived, by agency. */
	public List<ChallengeFlag> flags(String cycleId) {
		return this.store.flags(cycleId);
	}

	@EventListener
	void on(CycleRated rated) {
		if (this.store.imported(rated.cycleId()).isEmpty()) {
			return;
		}
		try {
			derive(rated.cycleId());
		}
		catch (RuntimeException ex) {
			// the partnership rating stands; the challenge-day command derives again and says what failed
			log.warn("The staff survey's challenge flags of cycle {} were not derived again: {}", rated.cycleId(), ex.getMessage());
		}
	}

	/** Derives the cycle's flags again from its survey, its evaluated returns and its pack, and replaces the stored ones. */
	public List<ChallengeFlag> derive(String cycleId) {
		Cycle cycle = this.cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("No audit cycle '" + cycleId + "'"));
		RulePackCompiler.CompiledPack pack = this.packs.usable(cycle.packId());
		SurveyMapping mapping = SurveyMapping.of(this.folders.folder(cycle.packId())).orElse(new SurveyMapping(null, List.of()));
		Map<String, List<SurveyCount>> byAgency = this.store.counts(cycleId).stream()
			.collect(Collectors.groupingBy(SurveyCount::agencyId, LinkedHashMap::new, Collectors.toList()));
		Map<Long, String> agencies = new LinkedHashMap<>(this.results.agencies(cycleId));
		agencies.values().removeIf((agency) -> !byAgency.containsKey(agency));
		Map<Long, SubmissionFacts> facts = this.submissions.facts(agencies.keySet());
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<ChallengeFlag> flags = new ArrayList<>();
		agencies.forEach((submission, agency) -> {
			List<SurveyAnswer> answers = answers(mapping, byAgency.get(agency));
			for (Derived<?> d : this.engine.evaluate(pack, facts.get(submission).withSurvey(answers)).outcomes()) {
				if (d.outcome() instanceof Finding f && CODE.equals(f.code())) {
					flags.add(new ChallengeFlag(agency, submission, f.itemId(), f.standardId(), f.message(), d.rule(), d.policy(), d.inputs(),
							pack.pack().version(), now));
				}
			}
		});
		flags.sort(java.util.Comparator.comparing(ChallengeFlag::agencyId).thenComparing(ChallengeFlag::itemId, ItemOrder.INSTANCE));
		this.transaction.executeWithoutResult((status) -> this.store.replaceFlags(cycleId, flags));
		return flags;
	}

	/** The survey's counts for one agency as facts: one per question the pack maps to an item. */
	static List<SurveyAnswer> answers(SurveyMapping mapping, List<SurveyCount> counts) {
		List<SurveyAnswer> answers = new ArrayList<>();
		for (SurveyCount c : counts) {
			mapping.questions().stream().filter((q) -> q.id().equals(c.questionId())).findFirst().ifPresent((q) -> answers
				.add(new SurveyAnswer(q.id(), q.item(), q.question(), c.respondents(), c.agreeing(), c.disagreeing())));
		}
		return answers;
	}

}

package org.s11evaluator.rules.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.RatingTally;
import org.s11evaluator.rules.facts.Submission;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule runner gives exactly the answers of the engine run in this process, explanations included. */
class IsolatedRuleEngineTests {

	private static final RulesSettings RULES = new RulesSettings(Path.of("rules"), 10_000);

	private static final IsolatedRuleEngine isolated = new IsolatedRuleEngine(RULES,
			new RunnerSettings(true, Duration.ofSeconds(30), DataSize.ofMegabytes(256), null));

	private final RuleEngine inProcess = new RuleEngine(RULES);

	private final RulePackCompiler compiler = new RulePackCompiler();

	@AfterAll
	static void stopRunners() {
		isolated.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "pan-sussex", "pan-london-2012", "barking-and-dagenham" })
	void evaluatesAReturnExactlyAsTheEngineInThisProcessDoes(String packId) {
		RulePackCompiler.CompiledPack pack = this.compiler.compile(new RulePacks(RULES).load(packId));
		for (int seed = 0; seed < 3; seed++) {
			SubmissionFacts facts = aReturn(pack.pack(), seed);

			EvaluationOutcome expected = this.inProcess.evaluate(pack, facts);
			EvaluationOutcome actual = isolated.evaluate(pack, facts);

			assertThat(actual.outcomes()).isNotEmpty().isEqualTo(expected.outcomes());
			assertThat(actual.packVersion()).isEqualTo(pack.pack().version());
		}
	}

	@Test
	void evaluatesABatchOfReturnsInOneRoundTripExactlyAsOneByOneInThisProcess() {
		RulePackCompiler.CompiledPack pack = this.compiler.compile(new RulePacks(RULES).load("pan-sussex"));
		List<SubmissionFacts> batch = List.of(aReturn(pack.pack(), 0), aReturn(pack.pack(), 1), aReturn(pack.pack(), 2), aReturn(pack.pack(), 3));

		List<RuleEngine.Attempt> attempts = isolated.evaluateAll(pack, batch);

		assertThat(attempts).hasSize(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			assertThat(attempts.get(i).failure()).isNull();
			assertThat(attempts.get(i).outcome().outcomes()).as("return " + i).isNotEmpty()
				.isEqualTo(this.inProcess.evaluate(pack, batch.get(i)).outcomes());
		}
		assertThat(attempts.get(0).outcome().outcomes()).isNotEqualTo(attempts.get(1).outcome().outcomes());
	}

	@Test
	void ratesAPartnershipExactlyAsTheEngineInThisProcessDoes() {
		RulePackCompiler.CompiledPack pack = this.compiler.compile(new RulePacks(RULES).load("pan-sussex"));
		List<RatingTally> tallies = new ArrayList<>();
		int i = 0;
		for (Framework.Standard standard : pack.pack().framework().standards()) {
			tallies.add(new RatingTally(standard.id(), null, 10 + i % 3, i % 5, i % 4, 1, 0));
			for (Framework.Item item : standard.items()) {
				tallies.add(new RatingTally(standard.id(), item.id(), 8, i % 6, i % 3, i % 2, 1));
				i++;
			}
		}

		EvaluationOutcome expected = this.inProcess.ratePartnership(pack, tallies);

		assertThat(isolated.ratePartnership(pack, tallies).outcomes()).isNotEmpty().isEqualTo(expected.outcomes());
	}

	/** Every item answered, the scale's levels in turn, some with evidence, reasons and review dates, some actions. */
	static SubmissionFacts aReturn(RulePack pack, int seed) {
		List<String> levels = pack.framework().scale().codes();
		List<ItemResponse> responses = new ArrayList<>();
		List<AgencyAction> actions = new ArrayList<>();
		int n = seed;
		for (Framework.Standard standard : pack.framework().standards()) {
			for (Framework.Item item : standard.items()) {
				String rating = levels.get(n % levels.size());
				responses.add(new ItemResponse(item.id(), standard.id(), rating, "We do this.", (n % 3 == 0) ? null : "Audit 2024",
						(n % 4 == 0) ? List.of("https://intranet.example.org/" + n) : List.of(), (n % 5 == 0) ? "Not our service" : null,
						(n % 2 == 0) ? LocalDate.of(2022 + n % 4, 1 + n % 12, 1) : null));
				if (n % 7 == 0) {
					actions.add(new AgencyAction(actions.size() + 1, item.id(), standard.id(), "Fix it", (n % 2 == 0) ? "Lead" : null,
							(n % 3 == 0) ? LocalDate.of(2025, 6, 30) : null, null, null));
				}
				n++;
			}
		}
		Submission submission = new Submission(pack.id(), "cycle-" + seed, "agency-" + seed, "Agency " + seed, "Pat Example", "Lead",
				LocalDate.of(2025, 3, 1));
		return new SubmissionFacts(submission, responses, actions);
	}

}

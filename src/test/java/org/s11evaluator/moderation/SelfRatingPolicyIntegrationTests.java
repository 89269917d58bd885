package org.s11evaluator.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of the rules: a pack whose policy says the partnership counts the agencies' own ratings (moderations are recorded
 * but not counted), and a pack changed under a cycle with a survey (its challenge flags are derived again).
 */
@IntegrationTest
class SelfRatingPolicyIntegrationTests {

	private static final Path RULES = Path.of("target/self-rating-policy-rules");

	private static final Path SAMPLE = Path.of("samples/with-survey/cambridgeshire-and-peterborough-2017");

	private static final String CYCLE = "cambridgeshire-and-peterborough-2017";

	@DynamicPropertySource
	static void rules(DynamicPropertyRegistry registry) {
		copyRulesWithSelfPolicy();
		registry.add("s11.rules.directory", RULES::toString);
		registry.add("s11.reporting.output-directory", () -> "target/self-rating-policy-output");
	}

	@Autowired
	DatabaseCleaner database;

	@Autowired
	CycleManagement cycles;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	ModerationManagement moderation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.s11evaluator.survey.SurveyImport surveys;

	@Autowired
	org.s11evaluator.survey.ChallengeFlags challenge;

	@Autowired
	org.s11evaluator.rules.RulePacks packs;

	@BeforeEach
	void sampleCycle() {
		this.database.clean();
		this.cycles.open(SAMPLE.resolve("cycle.yaml"));
		this.submissions.importPaths(List.of(SAMPLE.resolve("submissions")), Optional.of(CYCLE));
	}

	@Test
	void withPartnershipRatingUsesSelfTwoModerationsToAmberLeaveThePartnershipRatingGreenAndItsExplanationSaysWhy() {
		this.evaluation.evaluateCycle(CYCLE);
		for (String agency : List.of("cambs-constabulary", "fenland-dc")) {
			this.moderation.record(new ModerationManagement.Moderation(CYCLE, agency, "1.2", "amber", "Peer review", "Staff did not know the lead",
					LocalDate.of(2017, 11, 15)));
		}

		this.evaluation.evaluateCycle(CYCLE);

		Map<String, Object> rated = this.jdbc.sql("select rag, inputs from partnership_rating where cycle_id = ? and item_id = '1.2'")
			.param(CYCLE).query().singleRow();
		assertThat(rated.get("rag")).isEqualTo("GREEN");
		assertThat(rated.get("inputs").toString()).contains("Counts each agency's own rating (the pack's policy: self-ratings, not moderated ones).");
		assertThat(this.moderation.current(CYCLE)).hasSize(2);
	}

	@Test
	void aChangedPackDerivesTheChallengeFlagsAgainWithItsNewVersion() throws IOException {
		// given the survey's flags under the pack as shipped (survey.yaml maps Q10 to item 6.2)
		this.evaluation.evaluateCycle(CYCLE);
		this.surveys.importFile(CYCLE, SAMPLE.resolve("survey.csv"));
		String before = this.packs.currentVersion("cambridgeshire-and-peterborough");
		assertThat(this.challenge.flags(CYCLE)).extracting((f) -> f.agencyId() + " " + f.itemId() + " " + f.packVersion())
			.contains("cpft 6.2 " + before).doesNotContain("cpft 6.1 " + before);
		Path survey = RULES.resolve("cambridgeshire-and-peterborough/survey.yaml");
		String shipped = Files.readString(survey);
		try {
			// when a policy officer maps the information-sharing question to item 6.1 instead, and the nightly run evaluates
			Files.writeString(survey, shipped.replace("  - id: Q10\n    item: \"6.2\"", "  - id: Q10\n    item: \"6.1\""));
			String after = this.packs.currentVersion("cambridgeshire-and-peterborough");
			assertThat(after).isNotEqualTo(before);
			this.evaluation.evaluateCycle(CYCLE);

			// then the flags are derived again, by the new version: 6.1 is challenged, 6.2 no longer
			assertThat(this.challenge.flags(CYCLE)).extracting((f) -> f.agencyId() + " " + f.itemId())
				.containsExactlyInAnyOrder("cambs-constabulary 1.2", "cambs-childrens 2.2", "cambs-childrens 3.1", "cpft 6.1", "cambs-community-services 7.2");
			assertThat(this.challenge.flags(CYCLE)).allMatch((f) -> f.packVersion().equals(after));
		}
		finally {
			Files.writeString(survey, shipped);
		}
	}

	private static void copyRulesWithSelfPolicy() {
		try {
			if (Files.exists(RULES)) {
				try (Stream<Path> old = Files.walk(RULES)) {
					old.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
				}
			}
			try (Stream<Path> files = Files.walk(Path.of("rules"))) {
				for (Path file : files.toList()) {
					Path target = RULES.resolve(Path.of("rules").relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(file, target);
					}
				}
			}
			Files.writeString(RULES.resolve("cambridgeshire-and-peterborough/policy-values.yaml"),
					"\n# this partnership counts its agencies' own ratings\npartnership-rating.uses: self\n", StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

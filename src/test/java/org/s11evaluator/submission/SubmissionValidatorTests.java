package org.s11evaluator.submission;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema and the framework checks together, each problem placed at its line and column in the file. */
class SubmissionValidatorTests {

	private static final Cycle CYCLE = new Cycle("pan-sussex-2025", "pan-sussex", "pan-sussex", "Pan-Sussex 2025", LocalDate.of(2025, 1, 6),
			LocalDate.of(2025, 3, 31), "OPEN");

	private final RulePacks packs = new RulePacks(new RulesSettings(Path.of("rules"), 100));

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void acceptsAWellFormedReturn() throws Exception {
		SubmissionValidator.Result result = validate(valid());

		assertThat(result.problems()).isEmpty();
		assertThat(result.document().responses()).extracting(SubmissionDocument.Response::standard).containsExactly("6", "9");
		assertThat(result.document().actions()).singleElement().satisfies((a) -> assertThat(a.standard()).isEqualTo("6"));
		assertThat(result.document().submittedAt()).hasToString("2025-03-14T10:30:00Z");
	}

	@Test
	void aRatingOutsideTheScaleIsNamedWithItsLineColumnAndItem() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"rating\": \"red\"", "\"rating\": \"Amberr\""));

		assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
				"line 9, column 32 (responses[0].rating) (item 6.2): \"Amberr\" is not one of green, amber, red, n/a (the pan-sussex scale)");
	}

	@Test
	void aMissingRequiredFieldIsPlacedAtTheObjectThatLacksIt() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"name\": \"Avery Demo\", ", ""));

		assertThat(result.problems()).extracting(ImportProblem::toString)
			.containsExactly("line 6, column 18 (completedBy.name): is missing: it must be given");
	}

	@Test
	void anImpossibleDateIsRefused() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"due\": \"2025-06-30\"", "\"due\": \"2025-13-45\""));

		assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly("line 12, column 96 (actions[0].due) (item 6.2): "
				+ "expected a real date as YYYY-MM-DD (for example \"2025-09-30\"), found \"2025-13-45\"");
	}

	@Test
	void aDateTimeWithoutItsOffsetIsRefusedWithTheFix() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("2025-03-14T10:30:00Z", "2025-03-14T10:30:00"));

		assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly("line 7, column 18 (submittedAt): "
				+ "\"2025-03-14T10:30:00\" has no time zone: add Z for UTC (\"2025-03-14T10:30:00Z\") or +01:00 for British Summer Time (\"2025-03-14T10:30:00+01:00\")");
	}

	@Test
	void aDateTimeWithAnOffsetIsReadInItsOwnZone() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("2025-03-14T10:30:00Z", "2025-06-14T10:30:00+01:00"));

		assertThat(result.document().submittedAt()).hasToString("2025-06-14T09:30:00Z");
	}

	@Test
	void anActionWithNeitherItemNorStandardIsRefused() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"item\": \"6.2\", \"standard\": \"6\", ", "\"item\": null, "));

		assertThat(result.problems()).extracting(ImportProblem::toString)
			.containsExactly("line 12, column 16 (actions[0]): an action must name the \"item\" or the \"standard\" it answers");
	}

	@Test
	void anOverLongTextGivesItsLengthAndTheLimit() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"text\": \"Audit\"", "\"text\": \"" + "x".repeat(16_001) + "\""));

		assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
				"line 10, column 63 (responses[1].evidence.text) (item 9.1): is 16,001 characters long; it may be at most 16,000 characters");
	}

	@Test
	void namesAnUnknownItem() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"item\": \"9.1\"", "\"item\": \"9.9\""));

		assertThat(result.problems()).singleElement().satisfies((p) -> {
			assertThat(p.location()).isEqualTo("line 10, column 15 (responses[1].item)");
			assertThat(p.itemId()).isEqualTo("9.9");
			assertThat(p.message()).contains("not in the pan-sussex framework");
		});
	}

	@Test
	void namesAnItemAnsweredTwice() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"item\": \"9.1\"", "\"item\": \"6.2\""));

		assertThat(result.problems()).singleElement().isEqualTo(new ImportProblem("line 10, column 15 (responses[1].item)", "6.2",
				"item \"6.2\" is answered twice (first at line 9, column 5 (responses[0]))"));
	}

	@Test
	void reportsWrongTypesAndBadDatesWithTheirPlace() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"rating\": \"red\"", "\"rating\": 3")
			.replace("\"lastReviewed\": \"2024-06-01\"", "\"lastReviewed\": \"last spring\""));

		assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
				"line 9, column 32 (responses[0].rating) (item 6.2): expected text, found number 3",
				"line 10, column 121 (responses[1].lastReviewed) (item 9.1): expected a real date as YYYY-MM-DD (for example \"2025-09-30\"), found \"last spring\"");
	}

	@Test
	void reportsAMissingAgencyAndAnUnopenedCycle() throws Exception {
		String missing = valid().replace("\"agency\": { \"id\": \"sussex-police\", \"name\": \"Sussex Police\" },", "")
			.replace("\"cycle\": \"pan-sussex-2025\"", "\"cycle\": \"pan-sussex-2031\"");

		assertThat(validate(missing).problems()).extracting(ImportProblem::toString).containsExactly(
				"line 1, column 1 (agency): is missing: it must be given",
				"line 4, column 12 (cycle): no audit cycle \"pan-sussex-2031\" is open: open it first with its cycle.yaml");
	}

	@Test
	void refusesControlCharactersThatCouldHideTextOnAConsole() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"Sussex Police\"", "\"Sussex \\u001b[8mPolice\""));

		assertThat(result.problems()).singleElement().satisfies((p) -> {
			assertThat(p.location()).isEqualTo("line 5, column 46 (agency.name)");
			assertThat(p.message()).isEqualTo("contains a control character (U+001B) at position 8: only printable text is accepted");
		});
	}

	@Test
	void refusesAnUnknownFieldSoATypoNeverLosesData() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"naReason\"", "\"naReasn\""));

		assertThat(result.problems()).singleElement().satisfies((p) -> {
			assertThat(p.location()).isEqualTo("line 10, column 98 (responses[1].naReasn)");
			assertThat(p.message()).isEqualTo("unknown field \"naReasn\": expected one of [evidence, item, lastReviewed, naReason, rating, statement]");
		});
	}

	@Test
	void refusesAnActionForAnItemOfAnotherStandard() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"standard\": \"6\"", "\"standard\": \"5\""));

		assertThat(result.problems()).singleElement().isEqualTo(new ImportProblem("line 12, column 45 (actions[0].standard)", "6.2",
				"item \"6.2\" belongs to standard \"6\", not \"5\""));
	}

	private SubmissionValidator.Result validate(String text) throws Exception {
		return new SubmissionValidator((id) -> id.equals(CYCLE.id()) ? Optional.of(CYCLE) : Optional.empty(),
				(partnership) -> this.packs.load(partnership).framework())
			.validate(this.json.readTree(text), JsonPositions.of(text));
	}

	private static String valid() {
		return """
				{
				  "format": "s11-submission/1",
				  "partnership": "pan-sussex",
				  "cycle": "pan-sussex-2025",
				  "agency": { "id": "sussex-police", "name": "Sussex Police" },
				  "completedBy": { "name": "Avery Demo", "role": "Detective Superintendent" },
				  "submittedAt": "2025-03-14T10:30:00Z",
				  "responses": [
				    { "item": "6.2", "rating": "red" },
				    { "item": "9.1", "rating": "green", "evidence": { "text": "Audit", "links": [] }, "naReason": null, "lastReviewed": "2024-06-01" }
				  ],
				  "actions": [ { "item": "6.2", "standard": "6", "action": "Fix vetting", "lead": "HR", "due": "2025-06-30" } ]
				}
				""";
	}

}

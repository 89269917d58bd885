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
	}

	@Test
	void namesTheItemAndTheScaleForARatingOutsideIt() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"rating\": \"red\"", "\"rating\": \"purple\""));

		assertThat(result.problems()).containsExactly(new ImportProblem("$.responses[0].rating", "6.2",
				"rating \"purple\" is not in the pan-sussex scale: expected one of [green, amber, red, n/a]"));
	}

	@Test
	void namesAnUnknownItem() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"item\": \"9.1\"", "\"item\": \"9.9\""));

		assertThat(result.problems()).singleElement().satisfies((p) -> {
			assertThat(p.location()).isEqualTo("$.responses[1].item");
			assertThat(p.itemId()).isEqualTo("9.9");
			assertThat(p.message()).contains("not in the pan-sussex framework");
		});
	}

	@Test
	void namesAnItemAnsweredTwice() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"item\": \"9.1\"", "\"item\": \"6.2\""));

		assertThat(result.problems()).singleElement()
			.isEqualTo(new ImportProblem("$.responses[1].item", "6.2", "item \"6.2\" is answered twice (first at $.responses[0])"));
	}

	@Test
	void reportsWrongTypesAndBadDatesWithTheirPath() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"rating\": \"red\"", "\"rating\": 3")
			.replace("\"lastReviewed\": \"2024-06-01\"", "\"lastReviewed\": \"last spring\""));

		assertThat(result.problems()).extracting(ImportProblem::toString).containsExactly(
				"$.responses[0].rating (item 6.2): expected text, found number 3",
				"$.responses[1].lastReviewed (item 9.1): expected a date as YYYY-MM-DD (for example \"2025-09-30\"), found \"last spring\"");
	}

	@Test
	void reportsAMissingAgencyAndAnUnopenedCycle() throws Exception {
		String missing = valid().replace("\"agency\": { \"id\": \"sussex-police\", \"name\": \"Sussex Police\" },", "")
			.replace("\"cycle\": \"pan-sussex-2025\"", "\"cycle\": \"pan-sussex-2031\"");

		assertThat(validate(missing).problems()).extracting(ImportProblem::location).containsExactly("$.cycle", "$.agency");
	}

	@Test
	void refusesControlCharactersThatCouldHideTextOnAConsole() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"Sussex Police\"", "\"Sussex \\u001b[8mPolice\""));

		assertThat(result.problems()).singleElement().satisfies((p) -> {
			assertThat(p.location()).isEqualTo("$.agency.name");
			assertThat(p.message()).contains("control character (U+001B)");
		});
	}

	@Test
	void refusesAnUnknownFieldSoATypoNeverLosesData() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"naReason\"", "\"naReasn\""));

		assertThat(result.problems()).singleElement().satisfies((p) -> assertThat(p.location()).isEqualTo("$.responses[1].naReasn"));
	}

	@Test
	void refusesAnActionForAnItemOfAnotherStandard() throws Exception {
		SubmissionValidator.Result result = validate(valid().replace("\"standard\": \"6\"", "\"standard\": \"5\""));

		assertThat(result.problems()).singleElement()
			.isEqualTo(new ImportProblem("$.actions[0].standard", "6.2", "item \"6.2\" belongs to standard \"6\", not \"5\""));
	}

	private SubmissionValidator.Result validate(String text) throws Exception {
		return new SubmissionValidator((id) -> id.equals(CYCLE.id()) ? Optional.of(CYCLE) : Optional.empty(),
				(partnership) -> this.packs.load(partnership).framework())
			.validate(this.json.readTree(text));
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

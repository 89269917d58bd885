package org.s11evaluator.evaluation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.Submission;

import static org.assertj.core.api.Assertions.assertThat;

class StoredRatingsTests {

	private final ObjectMapper json = new ObjectMapper();

	private final SubmissionFacts facts = new SubmissionFacts(
			new Submission("pan-sussex", "pan-sussex-2025", "uhsussex", "University Hospitals Sussex", "Kit", "Lead", LocalDate.of(2025, 3, 31)),
			List.of(new ItemResponse("6.2", "6", "red", "s", null, List.of(), null, null),
					new ItemResponse("6.3", "6", "green", "s", "evidence", List.of(), null, LocalDate.of(2024, 1, 2))),
			List.of(new AgencyAction(1, "6.3", "6", "do it", "Sam", LocalDate.of(2025, 9, 30), null, null)));

	@Test
	void inputsTheStoredReturnHoldsAreStoredAsReferencesAndReadBackAsTheEngineGaveThem() {
		List<StoredRatings.Rating> items = List.of(new StoredRatings.Rating("6.2", "6", "RED", "R1", null, List.of()));
		List<StoredRatings.Rating> standards = List.of(new StoredRatings.Rating(null, "6", "RED", "R2", null, List.of()));
		InputReferences references = new InputReferences(this.facts, items, standards, "PolicyValues{a=1}");
		List<String> inputs = List.of(this.facts.responses().get(0).summary(), this.facts.actions().get(0).summary(),
				this.facts.submission().summary(), "ItemRating[item=6.2, RED]", "StandardRating[standard=6, RED]", "Standard[6]", "Item[6.3]",
				"PolicyValues{a=1}", "2", "ItemResponse[item=9.9, rating=made up]", "ItemResponse[item=6.2, rating=green, evidence=none]",
				"AgencyAction[#1, item=6.3, lead=none, due=null]", "ItemRating[item=6.2, GREEN]", "Submission[agency=someone-else]");

		List<Object> encoded = references.encode(inputs);

		assertThat(encoded.subList(0, 8)).allSatisfy((i) -> assertThat(i).isInstanceOf(InputReferences.Ref.class));
		// nothing rebuilds them (no such item; the item, action, rating or return says otherwise): kept as text
		assertThat(encoded.subList(8, 14)).containsExactlyElementsOf(inputs.subList(8, 14));
		assertThat(references.decode(encoded)).isEqualTo(inputs);
		assertThat(references.decode(this.json, InputReferences.toJson(this.json, encoded))).isEqualTo(inputs);
	}

	@Test
	void ratingsSurviveTheirStoredFormWithRulesNumberedOnceAndOwnReasonsKept() {
		StoredRatings ratings = new StoredRatings(
				List.of(new StoredRatings.Rating("6.2", "6", "RED", "SUS-RAG-03 Red", null, List.of(new InputReferences.Ref("r6.2"))),
						new StoredRatings.Rating("6.3", "6", "GREEN", "SUS-RAG-01 Green", null, List.of(new InputReferences.Ref("r6.3")))),
				List.of(new StoredRatings.Rating(null, "6", "RED", "SUS-RAG-03 Red", "2 item(s) rated red", List.of("Standard[6]", "2"))));

		String stored = ratings.toJson(this.json);

		assertThat(stored).containsOnlyOnce("SUS-RAG-03 Red");
		// the documented form, which rows stored by earlier versions also have
		assertThat(stored).isEqualTo("{\"rules\":[\"SUS-RAG-03 Red\",\"SUS-RAG-01 Green\"],"
				+ "\"items\":[[\"6.2\",\"6\",\"RED\",0,null,[[\"r6.2\"]]],[\"6.3\",\"6\",\"GREEN\",1,null,[[\"r6.3\"]]]],"
				+ "\"standards\":[[\"6\",\"RED\",0,\"2 item(s) rated red\",[\"Standard[6]\",\"2\"]]]}");
		assertThat(StoredRatings.fromJson(this.json, stored, 1L)).isEqualTo(ratings);
	}

}

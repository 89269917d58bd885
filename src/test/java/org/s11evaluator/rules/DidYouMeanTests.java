package org.s11evaluator.rules;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTests {

	@Test
	void suggestsTheNearestKnownWordIgnoringCase() {
		assertThat(DidYouMean.closest("Ambr", List.of("green", "amber", "red", "n/a"))).contains("amber");
		assertThat(DidYouMean.closest("rateing", List.of("itemId", "rating", "standardId"))).contains("rating");
		assertThat(DidYouMean.closest("9.9", List.of("9.1", "9.2", "9.8", "8.9"))).contains("9.8");
	}

	@Test
	void suggestsNothingForAWordThatResemblesNone() {
		assertThat(DidYouMean.closest("purple", List.of("green", "amber", "red"))).isEmpty();
		assertThat(DidYouMean.closest("x", List.of("y", "z"))).isEmpty();
	}

	@Test
	void writesTheSuggestionInTheCaseThePersonWroteIn() {
		assertThat(DidYouMean.inTheirCase("Ambr", "AMBER")).isEqualTo("Amber");
		assertThat(DidYouMean.inTheirCase("AMBR", "AMBER")).isEqualTo("AMBER");
		assertThat(DidYouMean.inTheirCase("ambr", "AMBER")).isEqualTo("amber");
	}

}

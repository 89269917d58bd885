package org.s11evaluator.rules.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;
import org.s11evaluator.rules.facts.Finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The application trusts nothing a runner sends but well-formed outcomes of the fact model: a fake runner's
 * streams feed the client frames a compromised runner could send.
 */
class RunnerClientTests {

	private static RulePackCompiler.CompiledPack pack;

	@BeforeAll
	static void compile() {
		pack = new RulePackCompiler().compile(new RulePacks(new RulesSettings(Path.of("rules"), 10_000)).load("barking-and-dagenham"));
	}

	@Test
	void readsTheOutcomesOfAWellFormedAnswerIntoTheFactModelsOwnRecords() {
		String outcome = "{\"type\":\"outcome\",\"n\":2,\"outcomes\":[{\"kind\":\"Finding\",\"code\":\"MISSING_EVIDENCE\",\"itemId\":\"1.1\","
				+ "\"standardId\":\"1\",\"message\":\"no evidence\",\"rule\":\"BD-EVD-01 x\",\"inputs\":[\"ItemResponse[item=1.1]\"],\"policy\":null}]}";

		var answer = client(compiled(), heartbeat(), outcome).evaluate(pack, IsolatedRuleEngineTests.aReturn(pack.pack(), 0));

		assertThat(answer.outcomes()).singleElement().isEqualTo(new Derived<>(new Finding("MISSING_EVIDENCE", "1.1", "1", "no evidence"),
				"BD-EVD-01 x", List.of("ItemResponse[item=1.1]"), null));
		assertThat(answer.packVersion()).isEqualTo(pack.pack().version());
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json at all", "[1, 2, 3]", "{\"no\":\"type\"}",
			"{\"type\":\"outcome\",\"n\":2,\"outcomes\":[{\"kind\":\"java.lang.Runtime\",\"rule\":\"r\",\"inputs\":[]}]}",
			"{\"type\":\"outcome\",\"n\":2,\"outcomes\":[{\"kind\":\"Finding\",\"code\":\"X\",\"message\":\"m\",\"rule\":\"r\",\"inputs\":[],\"@class\":\"x\"}]}",
			"{\"type\":\"outcome\",\"n\":2,\"outcomes\":[{\"kind\":\"ItemRating\",\"itemId\":\"1.1\",\"rag\":\"PURPLE\",\"reason\":\"r\",\"rule\":\"r\",\"inputs\":[]}]}",
			"{\"type\":\"outcome\",\"n\":2,\"outcomes\":[{\"kind\":\"Finding\",\"code\":{\"a\":1},\"message\":\"m\",\"rule\":\"r\",\"inputs\":[]}]}",
			"{\"type\":\"outcome\",\"n\":2,\"outcomes\":\"\\u0000\\u0000\"}",
			"{\"type\":\"answer-of-another-kind\",\"n\":2}" })
	void refusesAMalformedAnswerAndStopsTheRunner(String frame) {
		RunnerClient client = client(compiled(), frame);

		assertThatIllegalStateException().isThrownBy(() -> client.evaluate(pack, IsolatedRuleEngineTests.aReturn(pack.pack(), 0)))
			.withMessageStartingWith("the rule runner's answer was refused");
		assertThat(client.alive()).isFalse();
	}

	@Test
	void refusesAFrameLongerThanItsLimitWithoutReadingItAll() {
		String huge = "{\"type\":\"outcome\",\"n\":2,\"outcomes\":[{\"kind\":\"Finding\",\"message\":\"" + "x".repeat(Frames.MAX_FROM_RUNNER) + "\"}]}";

		RunnerClient client = client(compiled(), huge);

		assertThatIllegalStateException().isThrownBy(() -> client.evaluate(pack, IsolatedRuleEngineTests.aReturn(pack.pack(), 0)))
			.withMessageContaining("a frame longer than " + Frames.MAX_FROM_RUNNER + " bytes");
	}

	@Test
	void refusesMoreOutcomesOrLongerTextsThanAReturnCanHave() {
		String many = "{\"type\":\"outcome\",\"n\":2,\"outcomes\":[" + String.join(",", Collections.nCopies(OutcomeJson.MAX_OUTCOMES + 1,
				"{\"kind\":\"Finding\",\"code\":\"X\",\"message\":\"m\",\"rule\":\"r\",\"inputs\":[]}")) + "]}";
		String longText = "{\"type\":\"outcome\",\"n\":2,\"outcomes\":[{\"kind\":\"Finding\",\"code\":\"X\",\"message\":\""
				+ "m".repeat(OutcomeJson.MAX_TEXT + 1) + "\",\"rule\":\"r\",\"inputs\":[]}]}";

		assertThatIllegalStateException().isThrownBy(() -> client(compiled(), many).evaluate(pack, IsolatedRuleEngineTests.aReturn(pack.pack(), 0)))
			.withMessageContaining("more than the " + OutcomeJson.MAX_OUTCOMES + " accepted");
		assertThatIllegalStateException().isThrownBy(() -> client(compiled(), longText).evaluate(pack, IsolatedRuleEngineTests.aReturn(pack.pack(), 0)))
			.withMessageContaining("is not a text of at most " + OutcomeJson.MAX_TEXT + " characters");
	}

	private static String compiled() {
		return "{\"type\":\"compiled\",\"n\":1}";
	}

	private static String heartbeat() {
		return "{\"type\":\"heartbeat\",\"n\":2,\"rule\":\"BD-EVD-01 x\",\"doing\":\"firing\"}";
	}

	/** A client whose runner's answers are these lines, whatever it is asked. */
	private static RunnerClient client(String... lines) {
		InputStream answers = new SequenceInputStream(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
				InputStream.nullInputStream());
		return new RunnerClient(answers, new ByteArrayOutputStream(), null, null, RunnerSettings.defaults(), 10_000);
	}

}

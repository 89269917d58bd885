package org.s11evaluator.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A named case from a {@code *.cases.yaml} file beside a rule file: a fragment of a return (given), what the
 * pack must conclude (expect), and what it must not (absent). Unmentioned fields are not compared.
 */
record RuleCase(String name, Given given, Outcomes expect, Outcomes absent) {

	RuleCase {
		given = (given != null) ? given : new Given(null, null, null, null, null, null, null);
		expect = (expect != null) ? expect : Outcomes.NONE;
		absent = (absent != null) ? absent : Outcomes.NONE;
	}

	record File(Given defaults, List<RuleCase> cases) {
		File {
			cases = (cases != null) ? cases : List.of();
		}
	}

	/** A fragment of a return; or, for partnership-wide rules, how many agencies rated each item or standard. */
	record Given(LocalDate submittedOn, String completedBy, String role, List<Response> responses, List<Action> actions,
			List<Tally> tallies, List<Survey> survey) {
		Given {
			responses = (responses != null) ? responses : List.of();
			actions = (actions != null) ? actions : List.of();
			tallies = (tallies != null) ? tallies : List.of();
			survey = (survey != null) ? survey : List.of();
		}
	}

	/** The staff survey's counts for the agency, for one question mapped to an item (challenge rules). */
	record Survey(String question, String item, String text, int respondents, int agreeing, int disagreeing) {
	}

	record Tally(String item, String standard, int green, int amber, int red, int notApplicable, int notAnswered) {
	}

	record Response(String item, String rating, String evidence, List<String> links, String naReason, LocalDate lastReviewed,
			String statement) {
	}

	record Action(String item, String standard, String action, String lead, LocalDate due, String progress, LocalDate completed) {
	}

	/** {@code partnership} maps an item id ("6.2") or a standard id ("6") to its partnership-wide rating. */
	record Outcomes(List<ExpectedFinding> findings, Map<String, String> standards, Map<String, String> itemRatings,
			List<ExpectedFollowUp> followUps, Map<String, String> partnership) {

		static final Outcomes NONE = new Outcomes(null, null, null, null, null);

		Outcomes {
			findings = (findings != null) ? findings : List.of();
			standards = (standards != null) ? standards : Map.of();
			itemRatings = (itemRatings != null) ? itemRatings : Map.of();
			followUps = (followUps != null) ? followUps : List.of();
			partnership = (partnership != null) ? partnership : Map.of();
		}

	}

	record ExpectedFinding(String code, String item, String standard, String rule, String messageContains) {
	}

	record ExpectedFollowUp(String item, String standard, LocalDate due, String ownerContains, String rule) {
	}

}

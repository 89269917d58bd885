package org.s11evaluator.survey;

import java.util.List;

/** The challenge-day pack of a cycle as its pages show it: every text already in words, every number formatted. */
record ChallengeDayView(String title, String partnership, String cycleTitle, String writtenOn, String surveyLine, String smallGroupLine,
		List<QuestionRow> questions, List<AgencySection> agencies, String moderationPolicy, List<ModerationRow> moderations) {

	/** Partnership-wide, per question: the share of agencies rating its item green beside the share of staff agreeing. */
	record QuestionRow(String question, String item, String itemText, String agenciesGreen, String staffAgreeing, String staffNotAgreeing) {
	}

	/** One agency's contradicted self-ratings. */
	record AgencySection(String agency, List<FlagRow> flags) {
	}

	record FlagRow(String item, String itemText, String selfRating, String question, String numbers, String explanation, String rule,
			String packVersion) {
	}

	/** A moderated rating beside the agency's own. */
	record ModerationRow(String agency, String item, String selfRating, String moderatedRating, String agreedBy, String agreedOn, String reason) {
	}

}

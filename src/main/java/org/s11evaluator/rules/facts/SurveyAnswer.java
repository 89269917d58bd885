package org.s11evaluator.rules.facts;

/**
 * How one agency's staff answered one question of the partnership's anonymous staff survey, as counts only: how
 * many answered it, how many agreed, how many did not (the rest said they did not know). The pack's
 * {@code survey.yaml} maps the question to the audit item it tests, so a rule can set it beside the agency's own
 * rating of that item. No fact holds anything of a single respondent.
 */
public record SurveyAnswer(String questionId, String itemId, String question, int respondents, int agreeing, int disagreeing)
		implements Fact {

	/** Respondents who answered neither way ("don't know", "not sure"). */
	public int unsure() {
		return this.respondents - this.agreeing - this.disagreeing;
	}

	@Override
	public String summary() {
		return "SurveyAnswer[question=" + this.questionId + ", item=" + this.itemId + ": " + this.respondents + " respondents, "
				+ this.agreeing + " agreeing, " + this.disagreeing + " not agreeing]";
	}

}

package org.s11evaluator.survey;

/** How many of one agency's staff answered one survey question, agreed, and did not agree: all that is kept of a survey. */
public record SurveyCount(String agencyId, String questionId, int respondents, int agreeing, int disagreeing) {

	/** Respondents who answered neither way (did not know, not sure). */
	public int unsure() {
		return this.respondents - this.agreeing - this.disagreeing;
	}

}

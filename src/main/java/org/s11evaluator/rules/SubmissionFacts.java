package org.s11evaluator.rules;

import java.util.List;

import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.Submission;
import org.s11evaluator.rules.facts.SurveyAnswer;

/**
 * Everything an agency returned, as facts for the rules; and, when its partnership's staff survey is set beside
 * the return (the survey module's challenge), the survey's counts for the agency. The nightly evaluation of a
 * return gives no survey answers, so rules on them never fire there.
 */
public record SubmissionFacts(Submission submission, List<ItemResponse> responses, List<AgencyAction> actions, List<SurveyAnswer> survey) {

	public SubmissionFacts {
		responses = List.copyOf(responses);
		actions = List.copyOf(actions);
		survey = (survey != null) ? List.copyOf(survey) : List.of();
	}

	public SubmissionFacts(Submission submission, List<ItemResponse> responses, List<AgencyAction> actions) {
		this(submission, responses, actions, List.of());
	}

	/** The same return with the survey's counts for its agency beside it. */
	public SubmissionFacts withSurvey(List<SurveyAnswer> answers) {
		return new SubmissionFacts(this.submission, this.responses, this.actions, answers);
	}

}

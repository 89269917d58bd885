package org.s11evaluator.rules;

import java.util.List;

import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.Submission;

/** Everything an agency returned, as facts for the rules. */
public record SubmissionFacts(Submission submission, List<ItemResponse> responses, List<AgencyAction> actions) {

	public SubmissionFacts {
		responses = List.copyOf(responses);
		actions = List.copyOf(actions);
	}

}

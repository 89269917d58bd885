package org.s11evaluator.evaluation;

import org.s11evaluator.rules.SubmissionFacts;

/** A stored return due for evaluation, as the job reads it: which return, which version, and what it says. */
record SubmissionToEvaluate(long id, int version, String cycleId, String partnershipId, String packId, SubmissionFacts facts) {

	@Override
	public String toString() {
		// never the facts: they hold staff names and what agencies wrote
		return "SubmissionToEvaluate[id=" + this.id + ", version=" + this.version + ", cycle=" + this.cycleId + "]";
	}

}

package org.s11evaluator.evaluation;

import java.util.List;

/**
 * The page of returns a partition's reader last read, for its processor to evaluate in batches (one round trip to a
 * rule runner for many returns) rather than one at a time. One per partition (step scope): the reader sets it, the
 * processor reads it, both on the partition's thread.
 */
class PageInHand {

	private volatile List<SubmissionToEvaluate> page = List.of();

	void set(List<SubmissionToEvaluate> page) {
		this.page = page;
	}

	/** The returns of the page from this one on (this one first), or only this one if it is not in the page. */
	List<SubmissionToEvaluate> fromOn(SubmissionToEvaluate submission) {
		List<SubmissionToEvaluate> current = this.page;
		for (int i = 0; i < current.size(); i++) {
			if (current.get(i).id() == submission.id()) {
				return current.subList(i, current.size());
			}
		}
		return List.of(submission);
	}

}

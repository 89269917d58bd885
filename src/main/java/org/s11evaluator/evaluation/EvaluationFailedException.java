package org.s11evaluator.evaluation;

/**
 * A submission that could not be evaluated (its rule pack is broken, a rule failed on its data). The job
 * records the reason against the submission, skips it and carries on with the others.
 */
class EvaluationFailedException extends RuntimeException {

	EvaluationFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}

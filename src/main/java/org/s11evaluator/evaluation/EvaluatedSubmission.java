package org.s11evaluator.evaluation;

import java.time.Instant;

import org.s11evaluator.rules.EvaluationOutcome;

/** A return with what its partnership's rule pack concluded about it. */
record EvaluatedSubmission(SubmissionToEvaluate submission, EvaluationOutcome outcome, Instant evaluatedAt) {
}

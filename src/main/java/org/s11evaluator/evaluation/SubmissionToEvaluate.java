package org.s11evaluator.evaluation;

/** A stored return due for evaluation, as the job reads it. */
record SubmissionToEvaluate(long id, int version, String cycleId, String partnershipId) {
}

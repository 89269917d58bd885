package org.s11evaluator.submission;

/**
 * A stored return was replaced by a corrected version: whatever was derived from the earlier version no longer
 * applies. Published synchronously, inside the import's transaction, so that a listener's removal of its results
 * commits or rolls back with the correction itself.
 */
public record ReturnCorrected(long submissionId) {
}

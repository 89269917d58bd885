package org.s11evaluator.partnershiprating;

/** A cycle was rated for the partnership (by the evaluation job or the summary command): what depends on its results may follow. */
public record CycleRated(String cycleId) {
}

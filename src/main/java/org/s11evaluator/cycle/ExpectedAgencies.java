package org.s11evaluator.cycle;

/**
 * How a cycle treats returns from agencies that are not on its expected list, and where that list is kept
 * (the {@code cycle.yaml} the cycle was opened from), so that a flag or a rejection can say where to add one.
 */
public record ExpectedAgencies(UnexpectedAgencies unexpected, String definedIn) {
}

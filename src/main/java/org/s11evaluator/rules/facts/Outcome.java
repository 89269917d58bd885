package org.s11evaluator.rules.facts;

/** A conclusion a rule inserts: a rating, a finding or a follow-up action. */
public sealed interface Outcome extends Fact permits ItemRating, StandardRating, Finding, FollowUpAction {

}

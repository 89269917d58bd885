package org.s11evaluator.rules.facts;

/** A conclusion a rule inserts: a rating, a finding, a follow-up action or a partnership-wide rating. */
public sealed interface Outcome extends Fact permits ItemRating, StandardRating, Finding, FollowUpAction, PartnershipRating {

}

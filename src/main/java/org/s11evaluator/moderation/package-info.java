/**
 * Moderated ratings: the rating of an item a challenge day, moderation panel or peer review agreed for an agency,
 * with who agreed it, when and why. {@link org.s11evaluator.moderation.ModerationManagement} is the way in; its table
 * ({@code moderated_rating}) is written and read by this package alone. The partnership-wide rating asks it, through
 * {@link org.s11evaluator.partnershiprating.RatingModeration}, for the ratings to count.
 */
package org.s11evaluator.moderation;

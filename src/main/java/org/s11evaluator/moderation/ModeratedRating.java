package org.s11evaluator.moderation;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A rating of one item agreed for an agency after its self-assessment was challenged: the rating on the pack's scale,
 * who agreed it, on which day and why; recorded by whom and when (UTC).
 */
public record ModeratedRating(String cycleId, String agencyId, String itemId, String rating, String agreedBy, LocalDate agreedOn,
		String reason, LocalDateTime recordedAt, String recordedBy) {
}

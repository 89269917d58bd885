package org.s11evaluator.survey;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A self-rating the staff survey contradicts, as a challenge rule of the pack found it: the agency and item, the rule's
 * message (with the numbers), the rule, its policy in words, the facts it matched, and the pack version.
 */
public record ChallengeFlag(String agencyId, long submissionId, String itemId, String standardId, String message, String rule,
		String policy, List<String> inputs, String packVersion, LocalDateTime derivedAt) {
}

package org.s11evaluator.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Everything the evaluation holds about one cycle: each return's results, rejected returns, missing ones. */
public record CycleResults(String cycleId, String title, String partnershipId, String partnershipName, String packId,
		LocalDate returnDeadline, int expectedAgencies, List<AgencyResult> agencies, List<NotReturned> notReturned,
		List<Rejected> rejected) {

	public record AgencyResult(String agencyId, String agencyName, boolean expected, String completedBy, String role,
			LocalDateTime submittedAt, int submissionVersion, String status, String packVersion, LocalDateTime evaluatedAt,
			String failure, List<Rating> standards, List<Result> findings, List<FollowUp> followUps) {
	}

	public record Rating(String standardId, String rag, String reason, String rule, List<String> inputs) {
	}

	public record Result(String code, String itemId, String standardId, String message, String rule, List<String> inputs) {
	}

	public record FollowUp(String itemId, String standardId, String owner, LocalDate due, String action, String reason,
			String rule, List<String> inputs) {
	}

	public record NotReturned(String agencyId, String agencyName) {
	}

	public record Rejected(String source, String agencyId, LocalDateTime receivedAt, List<String> reasons) {
	}

}

package org.s11evaluator.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What a partnership board reads about one audit cycle (the JSON form is documented in
 * {@code docs/summary.schema.json}). Everything an agency wrote is carried as plain text; renderers escape it.
 */
public record CycleSummary(String format, Instant generatedAt, LocalDate asOf, CycleInfo cycle, Participation participation,
		List<RegisterEntry> register, List<RejectedFile> rejectedFiles, List<PolicyRule> ratingPolicy, List<StandardSummary> standards, List<HeatmapRow> heatmap,
		List<PlanEntry> improvementPlan, Progress progress, Themes themes, Provenance provenance, Framing framing, Narrative narrative,
		List<GroupSummary> groups, Moderation moderation) {

	public CycleSummary {
		groups = (groups != null) ? List.copyOf(groups) : List.of();
		moderation = (moderation != null) ? moderation : Moderation.NONE;
	}

	/**
	 * What a challenge (challenge day, moderation panel, peer review) agreed: whether the partnership-wide rating counts
	 * moderated ratings (the pack's {@code partnership-rating.uses}), and each moderated rating in force beside the
	 * agency's own.
	 */
	public record Moderation(boolean countsModerated, List<ModeratedItem> items) {

		static final Moderation NONE = new Moderation(true, List.of());

	}

	/** One moderated rating beside the agency's own, in the scale's words. */
	public record ModeratedItem(String agencyId, String agencyName, String standardId, String itemId, String itemText, String ownRating,
			String moderatedRating, String agreedBy, LocalDate agreedOn, String reason) {
	}

	/**
	 * One group of a cycle with groups, as the whole cycle's summary shows it beside the others: the agencies judged
	 * by one template ({@code kind} TEMPLATE, {@code packId} the template) or those of one partnership ({@code kind}
	 * PARTNERSHIP); who returned; and the group's own partnership ratings, decided by its pack's rule. {@code summary}:
	 * the group's own summary, relative to the cycle's folder.
	 */
	public record GroupSummary(String id, String kind, String name, String packId, String template, String summary,
			Participation participation, List<GroupAgency> agencies, List<GroupRating> ratings) {
	}

	/** An agency of a group, with its status in the register of returns (ON_TIME, LATE, NOT_RETURNED, REJECTED). */
	public record GroupAgency(String agencyId, String agencyName, String status) {
	}

	/** A group's partnership rating of a standard ({@code itemId} null) or an item; {@code rating} null: not rated. */
	public record GroupRating(String standardId, String itemId, String title, Rating rating) {
	}

	/**
	 * What the partnership wrote for the board in {@code narrative.md} beside the cycle's definition, as Markdown (null:
	 * not written); {@code missing} names the sections not written; {@code problem} says why the file could not be read.
	 */
	public record Narrative(String file, String introduction, String methodology, String conclusions, String recommendations,
			List<String> missing, String problem) {
	}

	/**
	 * The framework's own words and scale, as its pack defines them: what its top-level groups ({@code standards} in
	 * this document) and their numbered lines ({@code items}) are called, whether the pack's partnership rule rates
	 * whole groups too ({@code groupsRated}, with {@code groupRule} saying how) or only lines, whether the board
	 * sees red, amber and green ({@code ragColours}), and the scale's levels in order with the red/amber/green
	 * the pack maps each to (null: none).
	 */
	public record Framing(String group, String groups, String line, String lines, boolean groupsRated, String groupRule,
			String scaleName, boolean ragColours, List<ScaleLevel> scale) {
	}

	public record ScaleLevel(String code, String label, String rag) {
	}

	/** How many agencies answered an item with one level of the scale ({@code code} null: did not answer it). */
	public record LevelCount(String code, int count) {
	}

	/** A returned file that could not be accepted, with every reason (JSON path, item, what was expected). */
	public record RejectedFile(String source, String agencyId, LocalDateTime receivedAt, List<String> reasons) {
	}

	/** A rule that decided partnership ratings in this cycle, with its policy statement from the rule file. */
	public record PolicyRule(String rule, String policy) {
	}

	public static final String FORMAT = "s11-cycle-summary/1";

	public record CycleInfo(String id, String title, String partnershipId, String partnershipName, String packId, LocalDate opensOn,
			LocalDate returnDeadline) {
	}

	/**
	 * {@code notReturned} counts every expected agency without an accepted return; {@code rejected} those of them
	 * whose every returned file was rejected (the register says "rejected" for them, not "not returned").
	 */
	public record Participation(int expected, int returned, int onTime, int late, int notReturned, int fromUnexpectedAgencies,
			int rejectedFiles, int returnRatePercent, int notEvaluated, int rejected) {
	}

	/** One agency in the register of returns. {@code status}: ON_TIME, LATE, NOT_RETURNED, REJECTED. */
	public record RegisterEntry(String agencyId, String agencyName, String sector, boolean expected, String status,
			String completedBy, String role, LocalDateTime submittedAt, Integer version, String evaluation) {
	}

	/** Counts of agencies behind a partnership rating, with the rating, its reason and the rule that decided. */
	public record Rating(String rag, int green, int amber, int red, int notApplicable, int notAnswered, String reason,
			String rule, String packVersion) {

		public int total() {
			return this.green + this.amber + this.red + this.notApplicable + this.notAnswered;
		}

	}

	public record StandardSummary(String id, String title, boolean modelled, Rating rating, List<ItemSummary> items) {
	}

	/** {@code answers}: how the agencies whose returns were evaluated answered it, one count per level of the scale, then not answered. */
	public record ItemSummary(String id, String text, Rating rating, List<LevelCount> answers) {
	}

	/** One agency's rating of each standard, in the order of {@link CycleSummary#standards()}. */
	public record HeatmapRow(String agencyId, String agencyName, List<String> ratings) {
	}

	/**
	 * An action in the improvement plan: the agency's own ({@code source} AGENCY) or generated by the
	 * evaluation ({@code source} FOLLOW_UP). {@code status}: OPEN (due on or after the as-of day), OVERDUE,
	 * NO_DUE_DATE (not done and without a due date) or DONE.
	 */
	public record PlanEntry(String source, String agencyId, String agencyName, String standardId, String itemId, String action,
			String lead, LocalDate due, String status, String progress, LocalDate completed, String reason, String rule) {
	}

	/**
	 * Progress since the previous cycle of the partnership: compared with its latest published edition
	 * ({@code previousEdition}), as the board read it, or while it has none with its current ratings (null).
	 */
	public record Progress(String previousCycleId, String previousCycleTitle, List<Change> previouslyAmberOrRed,
			List<Change> regressions, List<PlanEntry> carriedOver, Integer previousEdition) {
	}

	/** A standard ({@code itemId} null) or item whose partnership rating was {@code before} and is {@code now}. */
	public record Change(String standardId, String itemId, String title, String before, String now) {
	}

	public record Themes(List<CommonFinding> commonFindings, List<Practice> outstandingPractice) {
	}

	public record CommonFinding(String code, int count, int agencies, String rule, String example) {
	}

	public record Practice(String agencyName, String text) {
	}

	/**
	 * What the summary was built from, and the cycle's history from the audit trail (every import, evaluation run,
	 * close and reopen, with when, by whom and why) up to when it was built.
	 */
	public record Provenance(String partnershipRulePackVersion, List<String> evaluationRulePackVersions,
			List<SourceSubmission> submissions, List<HistoryEntry> history) {
	}

	/** One entry of the cycle's audit trail (times in UTC). */
	public record HistoryEntry(LocalDateTime at, String what, String subject, String detail, String by, String why) {
	}

	public record SourceSubmission(long submissionId, String agencyId, int version, String contentHash, String packVersion,
			LocalDateTime evaluatedAt) {
	}

}

package org.s11evaluator.rules.facts;

import java.time.LocalDate;
import java.util.List;

/**
 * An agency's answer to one item: its rating in the partnership's own scale (for example {@code "amber"} or
 * {@code "partially-met"}), what it says and the evidence it gives.
 */
public record ItemResponse(String itemId, String standardId, String rating, String statement, String evidenceText,
		List<String> evidenceLinks, String naReason, LocalDate lastReviewed) implements Fact {

	public ItemResponse {
		evidenceLinks = (evidenceLinks != null) ? List.copyOf(evidenceLinks) : List.of();
	}

	/**
	 * Evidence is present when there is some evidence text or at least one link that is not blank. Text or links
	 * of only whitespace (including no-break and other Unicode spaces), and empty links such as
	 * {@code "links": [""]}, are not evidence.
	 */
	public boolean hasEvidence() {
		return !isBlank(this.evidenceText) || this.evidenceLinks.stream().anyMatch((link) -> !isBlank(link));
	}

	public boolean hasNaReason() {
		return !isBlank(this.naReason);
	}

	public boolean hasLastReviewed() {
		return this.lastReviewed != null;
	}

	/** True when the last review happened before the given date (false when no review date was given). */
	public boolean reviewedBefore(LocalDate date) {
		return this.lastReviewed != null && this.lastReviewed.isBefore(date);
	}

	/** True when the last review is dated after the given date (false when no review date was given). */
	public boolean reviewedAfter(LocalDate date) {
		return this.lastReviewed != null && this.lastReviewed.isAfter(date);
	}

	@Override
	public String summary() {
		return "ItemResponse[item=" + this.itemId + ", rating=" + this.rating + ", evidence="
				+ (hasEvidence() ? "given" : "none") + (hasNaReason() ? ", N/A reason given" : "")
				+ (hasLastReviewed() ? ", lastReviewed=" + this.lastReviewed : "") + "]";
	}

	/** True for null, empty, or only whitespace: Java whitespace and Unicode space separators (such as U+00A0). */
	static boolean isBlank(String text) {
		if (text == null) {
			return true;
		}
		return text.codePoints()
			.allMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF');
	}

}

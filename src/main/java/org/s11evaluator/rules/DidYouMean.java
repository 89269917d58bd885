package org.s11evaluator.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The known word a misspelt one was most likely meant to be ("Ambr" for Amber, {@code rateing} for rating), by edit
 * distance ignoring case: at most two edits, and fewer than the word has characters, so nothing is suggested for a
 * word that resembles none.
 */
public final class DidYouMean {

	private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

	private DidYouMean() {
	}

	public static Optional<String> closest(String written, Collection<String> known) {
		if (written == null || written.isEmpty()) {
			return Optional.empty();
		}
		String lower = written.toLowerCase(Locale.ROOT);
		return known.stream()
			.filter((candidate) -> candidate != null && !candidate.equals(written))
			.filter((candidate) -> {
				int distance = DISTANCE.apply(lower, candidate.toLowerCase(Locale.ROOT));
				return distance >= 0 && distance < written.length();
			})
			.min(Comparator.<String>comparingInt((candidate) -> DISTANCE.apply(lower, candidate.toLowerCase(Locale.ROOT)))
				.thenComparing(Comparator.<String>comparingInt((candidate) -> commonPrefix(lower, candidate.toLowerCase(Locale.ROOT))).reversed())
				.thenComparingInt((candidate) -> Math.abs(last(candidate) - last(written)))
				.thenComparing(ItemIds::sortKey));
	}

	/** "; did you mean X?" for a message, or nothing. */
	static String hint(String written, Collection<String> known) {
		return closest(written, known).map((candidate) -> "; did you mean " + candidate + "?").orElse("");
	}

	/** The suggestion written in the case the person wrote in: AMBER for "AMBR", Amber for "Ambr", amber for "ambr". */
	static String inTheirCase(String written, String candidate) {
		if (written.equals(written.toUpperCase(Locale.ROOT))) {
			return candidate.toUpperCase(Locale.ROOT);
		}
		if (Character.isUpperCase(written.charAt(0)) && written.substring(1).equals(written.substring(1).toLowerCase(Locale.ROOT))) {
			String lower = candidate.toLowerCase(Locale.ROOT);
			return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
		}
		return written.equals(written.toLowerCase(Locale.ROOT)) ? candidate.toLowerCase(Locale.ROOT) : candidate;
	}

	private static int commonPrefix(String a, String b) {
		int i = 0;
		while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		return i;
	}

	private static int last(String text) {
		return text.isEmpty() ? 0 : text.charAt(text.length() - 1);
	}

}

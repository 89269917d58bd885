package org.s11evaluator.partnershiprating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.facts.RatingTally;

/**
 * Counts, for every item and standard of a framework, how many returns rated it green, amber, red or N/A,
 * and how many did not answer. One place for this arithmetic, whether the ratings come from the database
 * (a real run) or from memory (a simulation), so both always agree.
 */
public final class RatingTallies {

	private RatingTallies() {
	}

	/** The ratings of one return: item id to RAG name, standard id to RAG name. */
	public record ReturnRatings(Map<String, String> items, Map<String, String> standards) {
	}

	public static List<RatingTally> of(Framework framework, List<ReturnRatings> returns) {
		Map<String, int[]> items = new HashMap<>();
		Map<String, int[]> standards = new HashMap<>();
		for (ReturnRatings ratings : returns) {
			ratings.items().forEach((id, rag) -> add(items, id, rag));
			ratings.standards().forEach((id, rag) -> add(standards, id, rag));
		}
		List<RatingTally> tallies = new ArrayList<>();
		for (Framework.Standard standard : framework.standards()) {
			tallies.add(tally(standard.id(), null, standards.getOrDefault(standard.id(), new int[4]), returns.size()));
			for (Framework.Item item : standard.items()) {
				tallies.add(tally(standard.id(), item.id(), items.getOrDefault(item.id(), new int[4]), returns.size()));
			}
		}
		return tallies;
	}

	private static void add(Map<String, int[]> counts, String id, String rag) {
		int index = switch (rag) {
			case "GREEN" -> 0;
			case "AMBER" -> 1;
			case "RED" -> 2;
			case "NOT_APPLICABLE" -> 3;
			default -> -1; // not rated: counted as not answered
		};
		if (index >= 0) {
			counts.computeIfAbsent(id, (key) -> new int[4])[index]++;
		}
	}

	private static RatingTally tally(String standardId, String itemId, int[] c, int returns) {
		int answered = c[0] + c[1] + c[2] + c[3];
		return new RatingTally(standardId, itemId, c[0], c[1], c[2], c[3], Math.max(returns - answered, 0));
	}

}

package org.s11evaluator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.s11evaluator.rules.Framework;

/**
 * Writes Pan-Sussex returns as files in the documented format, every item green with evidence unless told
 * otherwise, so a test can build a cycle whose counts it knows by construction.
 */
public final class SussexReturns {

	private static final ObjectMapper JSON = new ObjectMapper();

	private SussexReturns() {
	}

	/** A cycle.yaml for the given agencies ({@code agency-00} ...). */
	public static Path cycle(Path folder, String cycleId, int agencies) {
		StringBuilder yaml = new StringBuilder("id: " + cycleId + "\npartnership: pan-sussex\ntitle: Test cycle " + cycleId
				+ "\nopens: 2025-01-06\nreturnDeadline: 2025-03-31\nagencies:\n");
		for (int i = 0; i < agencies; i++) {
			yaml.append("  - { id: ").append(agency(i)).append(", name: Agency ").append(i).append(" }\n");
		}
		return write(folder.resolve("cycle.yaml"), yaml.toString());
	}

	/**
	 * A return from agency {@code i}: {@code ratings} overrides an item's rating; a rating of {@code null}
	 * leaves the item unanswered.
	 */
	public static Path write(Path folder, Framework framework, String cycleId, int i, Map<String, String> ratings, String outstandingPractice) {
		ObjectNode doc = JSON.createObjectNode();
		doc.put("format", "s11-submission/1").put("partnership", "pan-sussex").put("cycle", cycleId);
		doc.putObject("agency").put("id", agency(i)).put("name", "Agency " + i);
		doc.putObject("completedBy").put("name", "Person " + i).put("role", "Safeguarding lead");
		doc.put("submittedAt", "2025-03-14T10:30:00Z");
		ArrayNode responses = doc.putArray("responses");
		ArrayNode actions = doc.putArray("actions");
		for (Framework.Standard standard : framework.standards()) {
			for (Framework.Item item : standard.items()) {
				String rating = ratings.containsKey(item.id()) ? ratings.get(item.id()) : "green";
				if (rating == null) {
					continue;
				}
				ObjectNode response = responses.addObject().put("item", item.id()).put("rating", rating);
				response.putObject("evidence").put("text", "Audit evidence for " + item.id());
				if (rating.equals("amber") || rating.equals("red")) {
					actions.addObject().put("item", item.id()).put("action", "Improve " + item.id()).put("lead", "Lead " + i)
						.put("due", "2025-09-30");
				}
			}
		}
		if (outstandingPractice != null) {
			doc.put("outstandingPractice", outstandingPractice);
		}
		try {
			return write(folder.resolve(agency(i) + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String agency(int i) {
		return String.format("agency-%02d", i);
	}

	/** Ratings for agency {@code i} from a table of item → (agency → rating). */
	public static Map<String, String> ratingsOf(int i, Map<String, Map<Integer, String>> table) {
		Map<String, String> ratings = new java.util.HashMap<>();
		table.forEach((item, byAgency) -> {
			if (byAgency.containsKey(i)) {
				ratings.put(item, byAgency.get(i));
			}
		});
		return ratings;
	}

	private static Path write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}


}

package org.s11evaluator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.s11evaluator.rules.Framework;

/**
 * Writes returns for any pack as files in the documented format: every item at the top of the pack's scale with
 * evidence and a recent review, unless told otherwise, and an action with a lead and a due date for every
 * answer below the top; so a test builds a cycle of any size whose counts it knows by construction.
 */
public final class PackReturns {

	private static final ObjectMapper JSON = new ObjectMapper();

	private PackReturns() {
	}

	/** A cycle.yaml expecting the agencies named (ids {@code agency-000} ...). */
	public static Path cycle(Path folder, String pack, String cycleId, List<String> names) {
		StringBuilder yaml = new StringBuilder("id: " + cycleId + "\npartnership: " + pack + "\ntitle: Test cycle " + cycleId
				+ "\nopens: 2025-01-06\nreturnDeadline: 2025-03-31\nagencies:\n");
		for (int i = 0; i < names.size(); i++) {
			try {
				yaml.append("  - { id: ").append(agency(i)).append(", name: ").append(JSON.writeValueAsString(names.get(i))).append(" }\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return write(folder.resolve("cycle.yaml"), yaml.toString());
	}

	/** Agency {@code i}'s return: {@code ratings} overrides an item's answer (a code of the pack's scale). */
	public static Path write(Path folder, String pack, Framework framework, String cycleId, int i, String name, Map<String, String> ratings) {
		return write(folder, pack, framework, cycleId, i, name, ratings, null);
	}

	/** As above, with the agency's description of its outstanding practice (null: none). */
	public static Path write(Path folder, String pack, Framework framework, String cycleId, int i, String name, Map<String, String> ratings,
			String outstandingPractice) {
		String top = framework.scale().levels().get(0).code();
		ObjectNode doc = JSON.createObjectNode();
		doc.put("format", "s11-submission/1").put("partnership", pack).put("cycle", cycleId);
		doc.putObject("agency").put("id", agency(i)).put("name", name);
		doc.putObject("completedBy").put("name", "Person " + i).put("role", "Safeguarding lead");
		doc.put("submittedAt", "2025-03-14T10:30:00Z");
		ArrayNode responses = doc.putArray("responses");
		ArrayNode actions = doc.putArray("actions");
		for (Framework.Standard standard : framework.standards()) {
			for (Framework.Item item : standard.items()) {
				String rating = ratings.getOrDefault(item.id(), top);
				ObjectNode response = responses.addObject().put("item", item.id()).put("rating", rating);
				response.putObject("evidence").put("text", "Audit evidence for " + item.id());
				response.put("lastReviewed", "2024-11-01");
				if (!rating.equals(top) && !rating.equals("n/a")) {
					actions.addObject().put("item", item.id()).put("action", "Improve " + item.id()).put("lead", "Lead " + i)
						.put("due", "2025-09-30");
				}
				if (rating.equals("n/a")) {
					response.put("naReason", "Not a service we provide");
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
		return String.format("agency-%03d", i);
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

package org.s11evaluator.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One return's item and standard ratings as they are stored, once, in its {@code evaluation} row (column
 * {@code ratings}): each rating with the rule that made it, its reason unless the pack version's dictionary
 * holds that reason ({@link ResultDictionary}), and its inputs, each either the text itself or a reference to a
 * fact of the stored return ({@link InputReferences}). Rule names are written once per return and numbered:
 * <pre>{"rules": [name, ...], "items": [[item, standard, rag, rule#, reason or null, inputs], ...],
 *  "standards": [[standard, rag, rule#, reason or null, inputs], ...]}</pre>
 */
record StoredRatings(List<Rating> items, List<Rating> standards) {

	/**
	 * One rating; {@code itemId} is null for a standard's. {@code reason} null: the dictionary's reason for
	 * (pack version, rule, rag). Each input is a {@link String} (the text) or an {@link InputReferences.Ref}.
	 */
	record Rating(String itemId, String standardId, String rag, String rule, String reason, List<Object> inputs) {
	}

	String toJson(ObjectMapper json) {
		ObjectNode root = json.createObjectNode();
		ArrayNode rules = root.putArray("rules");
		Map<String, Integer> numbers = new HashMap<>();
		ArrayNode items = root.putArray("items");
		for (Rating r : this.items) {
			ArrayNode row = items.addArray().add(r.itemId()).add(r.standardId()).add(r.rag());
			finish(row, r, rules, numbers, json);
		}
		ArrayNode standards = root.putArray("standards");
		for (Rating r : this.standards) {
			ArrayNode row = standards.addArray().add(r.standardId()).add(r.rag());
			finish(row, r, rules, numbers, json);
		}
		try {
			return json.writeValueAsString(root);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void finish(ArrayNode row, Rating r, ArrayNode rules, Map<String, Integer> numbers, ObjectMapper json) {
		row.add(numbers.computeIfAbsent(r.rule(), (name) -> {
			rules.add(name);
			return rules.size() - 1;
		}));
		row.add(r.reason());
		ArrayNode inputs = row.addArray();
		for (Object input : r.inputs()) {
			if (input instanceof InputReferences.Ref ref) {
				inputs.addArray().add(ref.code());
			}
			else {
				inputs.add((String) input);
			}
		}
	}

	/** Reads what {@link #toJson} wrote; names the evaluation whose ratings cannot be read. */
	static StoredRatings fromJson(ObjectMapper json, String text, long submissionId) {
		try {
			JsonNode root = json.readTree(text);
			JsonNode rules = root.path("rules");
			List<Rating> items = new ArrayList<>();
			for (JsonNode row : root.path("items")) {
				items.add(new Rating(row.get(0).asText(), row.get(1).asText(), row.get(2).asText(), rules.get(row.get(3).asInt()).asText(),
						text(row.get(4)), inputs(row.get(5))));
			}
			List<Rating> standards = new ArrayList<>();
			for (JsonNode row : root.path("standards")) {
				standards.add(new Rating(null, row.get(0).asText(), row.get(1).asText(), rules.get(row.get(2).asInt()).asText(),
						text(row.get(3)), inputs(row.get(4))));
			}
			return new StoredRatings(items, standards);
		}
		catch (JsonProcessingException | RuntimeException ex) {
			throw new IllegalStateException("The stored ratings of submission " + submissionId + " (evaluation.ratings) cannot be read: "
					+ ex.getMessage(), ex);
		}
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asText();
	}

	private static List<Object> inputs(JsonNode node) {
		List<Object> inputs = new ArrayList<>();
		for (JsonNode input : node) {
			inputs.add(input.isArray() ? new InputReferences.Ref(input.get(0).asText()) : input.asText());
		}
		return inputs;
	}

}

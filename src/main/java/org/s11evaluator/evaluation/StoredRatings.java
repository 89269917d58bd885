package org.s11evaluator.evaluation;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

	/** Written as it goes (no tree of nodes): the rules numbered in the order the ratings first name them. */
	String toJson(ObjectMapper json) {
		Map<String, Integer> numbers = new LinkedHashMap<>();
		for (Rating r : this.items) {
			numbers.putIfAbsent(r.rule(), numbers.size());
		}
		for (Rating r : this.standards) {
			numbers.putIfAbsent(r.rule(), numbers.size());
		}
		StringWriter out = new StringWriter(64 * (this.items.size() + this.standards.size()) + 256);
		try (JsonGenerator g = json.createGenerator(out)) {
			g.writeStartObject();
			g.writeArrayFieldStart("rules");
			for (String rule : numbers.keySet()) {
				g.writeString(rule);
			}
			g.writeEndArray();
			g.writeArrayFieldStart("items");
			for (Rating r : this.items) {
				g.writeStartArray();
				g.writeString(r.itemId());
				g.writeString(r.standardId());
				g.writeString(r.rag());
				finish(g, r, numbers);
			}
			g.writeEndArray();
			g.writeArrayFieldStart("standards");
			for (Rating r : this.standards) {
				g.writeStartArray();
				g.writeString(r.standardId());
				g.writeString(r.rag());
				finish(g, r, numbers);
			}
			g.writeEndArray();
			g.writeEndObject();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/** The rest of a rating's row: its rule's number, its own reason or null, its inputs; then closes the row. */
	private static void finish(JsonGenerator g, Rating r, Map<String, Integer> numbers) throws IOException {
		g.writeNumber(numbers.get(r.rule()));
		g.writeString(r.reason());
		g.writeStartArray();
		for (Object input : r.inputs()) {
			if (input instanceof InputReferences.Ref ref) {
				g.writeStartArray();
				g.writeString(ref.code());
				g.writeEndArray();
			}
			else {
				g.writeString((String) input);
			}
		}
		g.writeEndArray();
		g.writeEndArray();
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

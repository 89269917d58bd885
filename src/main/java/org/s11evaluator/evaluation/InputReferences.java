package org.s11evaluator.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.rules.SubmissionFacts;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.Item;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.ItemResponse;
import org.s11evaluator.rules.facts.Rag;
import org.s11evaluator.rules.facts.Standard;
import org.s11evaluator.rules.facts.StandardRating;

/**
 * The inputs of a derived result, stored as references to what the stored return already holds and rebuilt
 * from it when read, so an explanation reads as it did when the rule fired without each text being stored
 * again with every result. A reference is written only when it rebuilds exactly the text the rule engine gave
 * (checked at write time); any other input, such as a count a rule accumulated, is stored as its text.
 * <p>
 * Codes: {@code s} the return, {@code r<item>} an answer, {@code a<n>} the agency's n-th action,
 * {@code i<item>} / {@code t<standard>} this return's item / standard rating, {@code S<id>} / {@code I<id>} a
 * standard / item of the framework, {@code v} the pack version's policy values ({@link ResultDictionary}).
 */
final class InputReferences {

	/** A reference to a fact, in place of its text. */
	record Ref(String code) {
	}

	private final Map<String, String> texts = new HashMap<>();

	private Map<String, String> codes;

	/** What the references of one return point at: its stored facts, its ratings and its pack version's values. */
	InputReferences(SubmissionFacts facts, List<StoredRatings.Rating> items, List<StoredRatings.Rating> standards, String policyValues) {
		if (facts != null) {
			this.texts.put("s", facts.submission().summary());
			for (ItemResponse response : facts.responses()) {
				this.texts.put("r" + response.itemId(), response.summary());
			}
			for (AgencyAction action : facts.actions()) {
				this.texts.put("a" + action.number(), action.summary());
			}
		}
		for (StoredRatings.Rating r : items) {
			this.texts.put("i" + r.itemId(), new ItemRating(r.itemId(), r.standardId(), Rag.valueOf(r.rag()), "").summary());
		}
		for (StoredRatings.Rating r : standards) {
			this.texts.put("t" + r.standardId(), new StandardRating(r.standardId(), Rag.valueOf(r.rag()), "").summary());
		}
		if (policyValues != null) {
			this.texts.put("v", policyValues);
		}
	}

	/** The inputs as stored: a reference where one rebuilds the text exactly, the text otherwise. */
	List<Object> encode(List<String> inputs) {
		if (this.codes == null) {
			this.codes = new HashMap<>();
			this.texts.forEach((code, text) -> this.codes.putIfAbsent(text, code));
		}
		List<Object> encoded = new ArrayList<>(inputs.size());
		for (String input : inputs) {
			String code = this.codes.get(input);
			if (code == null) {
				code = framework(input);
			}
			encoded.add((code != null) ? new Ref(code) : input);
		}
		return encoded;
	}

	/** The inputs as the rule engine gave them. */
	List<String> decode(List<Object> inputs) {
		List<String> decoded = new ArrayList<>(inputs.size());
		for (Object input : inputs) {
			decoded.add((input instanceof Ref ref) ? text(ref.code()) : (String) input);
		}
		return decoded;
	}

	/** Inputs stored as a JSON array (findings and follow-up actions), decoded. */
	List<String> decode(ObjectMapper json, String stored) {
		try {
			List<Object> inputs = new ArrayList<>();
			for (JsonNode node : json.readTree(stored)) {
				inputs.add(node.isArray() ? new Ref(node.get(0).asText()) : node.asText());
			}
			return decode(inputs);
		}
		catch (JsonProcessingException ex) {
			return List.of(stored);
		}
	}

	/** Inputs as a JSON array for a finding's or follow-up action's row. */
	static String toJson(ObjectMapper json, List<Object> inputs) {
		List<Object> values = inputs.stream().map((i) -> (i instanceof Ref ref) ? (Object) List.of(ref.code()) : i).toList();
		try {
			return json.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String text(String code) {
		String text = this.texts.get(code);
		if (text != null) {
			return text;
		}
		return switch (code.charAt(0)) {
			case 'S' -> new Standard(code.substring(1), null).summary();
			case 'I' -> new Item(code.substring(1), null, null).summary();
			default -> "(" + code + ": no longer in the stored return)";
		};
	}

	private static String framework(String input) {
		if (input.startsWith("Standard[") && input.endsWith("]")) {
			String id = input.substring("Standard[".length(), input.length() - 1);
			return new Standard(id, null).summary().equals(input) ? "S" + id : null;
		}
		if (input.startsWith("Item[") && input.endsWith("]")) {
			String id = input.substring("Item[".length(), input.length() - 1);
			return new Item(id, null, null).summary().equals(input) ? "I" + id : null;
		}
		return null;
	}

}

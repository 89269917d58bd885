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

	private final SubmissionFacts facts;

	private final Map<String, ItemResponse> responses = new HashMap<>();

	private final Map<String, AgencyAction> actions = new HashMap<>();

	private final Map<String, StoredRatings.Rating> items = new HashMap<>();

	private final Map<String, StoredRatings.Rating> standards = new HashMap<>();

	private final String policyValues;

	/** The texts worked out so far, by code: each only when an input or a reference asks for it. */
	private final Map<String, String> texts = new HashMap<>();

	/**
	 * What the references of one return point at: its stored facts, its ratings and its pack version's values (by id;
	 * the last of a repeated id, as the texts by code were kept before they were worked out lazily).
	 */
	InputReferences(SubmissionFacts facts, List<StoredRatings.Rating> items, List<StoredRatings.Rating> standards, String policyValues) {
		this.facts = facts;
		if (facts != null) {
			for (ItemResponse response : facts.responses()) {
				this.responses.put(response.itemId(), response);
			}
			for (AgencyAction action : facts.actions()) {
				this.actions.put(Integer.toString(action.number()), action);
			}
		}
		for (StoredRatings.Rating r : items) {
			this.items.put(r.itemId(), r);
		}
		for (StoredRatings.Rating r : standards) {
			this.standards.put(r.standardId(), r);
		}
		this.policyValues = policyValues;
	}

	/**
	 * The inputs as stored: a reference where one rebuilds the text exactly, the text otherwise. The one code that
	 * could stand for an input is read from its shape (a response's text names its item, an action's its number) and
	 * used only if that fact's text is the input itself.
	 */
	List<Object> encode(List<String> inputs) {
		List<Object> encoded = new ArrayList<>(inputs.size());
		for (String input : inputs) {
			String code = candidate(input);
			if (code == null || !input.equals(known(code))) {
				code = framework(input);
			}
			encoded.add((code != null) ? new Ref(code) : input);
		}
		return encoded;
	}

	/** The code whose text this input would be, from the input's shape; null if it has none. */
	private String candidate(String input) {
		if (input.startsWith("ItemResponse[item=")) {
			return between(input, "ItemResponse[item=".length(), ", rating=", "r");
		}
		if (input.startsWith("ItemRating[item=")) {
			return between(input, "ItemRating[item=".length(), ", ", "i");
		}
		if (input.startsWith("StandardRating[standard=")) {
			return between(input, "StandardRating[standard=".length(), ", ", "t");
		}
		if (input.startsWith("AgencyAction[#")) {
			return between(input, "AgencyAction[#".length(), ", ", "a");
		}
		if (input.startsWith("Submission[")) {
			return "s";
		}
		return (this.policyValues != null && input.equals(this.policyValues)) ? "v" : null;
	}

	private static String between(String input, int from, String until, String prefix) {
		int end = input.indexOf(until, from);
		return (end < 0) ? null : prefix + input.substring(from, end);
	}

	/** The text of a fact of this return by its code, or null if the return holds no such fact. */
	private String known(String code) {
		String text = this.texts.get(code);
		if (text == null) {
			text = rebuild(code);
			if (text != null) {
				this.texts.put(code, text);
			}
		}
		return text;
	}

	private String rebuild(String code) {
		String id = code.substring(1);
		return switch (code.charAt(0)) {
			case 's' -> (this.facts != null && code.length() == 1) ? this.facts.submission().summary() : null;
			case 'r' -> {
				ItemResponse response = this.responses.get(id);
				yield (response != null) ? response.summary() : null;
			}
			case 'a' -> {
				AgencyAction action = this.actions.get(id);
				yield (action != null) ? action.summary() : null;
			}
			case 'i' -> {
				StoredRatings.Rating r = this.items.get(id);
				yield (r != null) ? new ItemRating(r.itemId(), r.standardId(), Rag.valueOf(r.rag()), "").summary() : null;
			}
			case 't' -> {
				StoredRatings.Rating r = this.standards.get(id);
				yield (r != null) ? new StandardRating(r.standardId(), Rag.valueOf(r.rag()), "").summary() : null;
			}
			case 'v' -> (code.length() == 1) ? this.policyValues : null;
			default -> null;
		};
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
		String text = known(code);
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

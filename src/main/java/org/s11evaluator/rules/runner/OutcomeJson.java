package org.s11evaluator.rules.runner;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.facts.Finding;
import org.s11evaluator.rules.facts.FollowUpAction;
import org.s11evaluator.rules.facts.ItemRating;
import org.s11evaluator.rules.facts.Outcome;
import org.s11evaluator.rules.facts.PartnershipRating;
import org.s11evaluator.rules.facts.Rag;
import org.s11evaluator.rules.facts.StandardRating;

/**
 * Outcomes as JSON, both ways. The runner writes each outcome's fields by name; the application reads them back
 * into its own record types, field by field, refusing an unknown kind or field, a text or a list too long, or
 * too many outcomes: a runner is not trusted to say anything but outcomes of the published fact model.
 */
final class OutcomeJson {

	static final int MAX_OUTCOMES = 20_000;

	static final int MAX_TEXT = 20_000;

	static final int MAX_INPUTS = 200;

	private static final Map<String, Set<String>> FIELDS = Map.of(
			"ItemRating", Set.of("itemId", "standardId", "rag", "reason"),
			"StandardRating", Set.of("standardId", "rag", "reason"),
			"Finding", Set.of("code", "itemId", "standardId", "message"),
			"FollowUpAction", Set.of("itemId", "standardId", "owner", "due", "action", "reason"),
			"PartnershipRating", Set.of("standardId", "itemId", "rag", "reason"));

	private static final Set<String> EXPLANATION = Set.of("kind", "rule", "inputs", "policy");

	private OutcomeJson() {
	}

	/** In the runner: one outcome and its explanation as a JSON object. */
	static Map<String, Object> write(Derived<? extends Outcome> derived) {
		Map<String, Object> json = new LinkedHashMap<>();
		Outcome outcome = derived.outcome();
		json.put("kind", outcome.getClass().getSimpleName());
		if (outcome instanceof ItemRating r) {
			json.put("itemId", r.itemId());
			json.put("standardId", r.standardId());
			json.put("rag", (r.rag() != null) ? r.rag().name() : null);
			json.put("reason", r.reason());
		}
		else if (outcome instanceof StandardRating r) {
			json.put("standardId", r.standardId());
			json.put("rag", (r.rag() != null) ? r.rag().name() : null);
			json.put("reason", r.reason());
		}
		else if (outcome instanceof Finding f) {
			json.put("code", f.code());
			json.put("itemId", f.itemId());
			json.put("standardId", f.standardId());
			json.put("message", f.message());
		}
		else if (outcome instanceof FollowUpAction a) {
			json.put("itemId", a.itemId());
			json.put("standardId", a.standardId());
			json.put("owner", a.owner());
			json.put("due", (a.due() != null) ? a.due().toString() : null);
			json.put("action", a.action());
			json.put("reason", a.reason());
		}
		else if (outcome instanceof PartnershipRating r) {
			json.put("standardId", r.standardId());
			json.put("itemId", r.itemId());
			json.put("rag", (r.rag() != null) ? r.rag().name() : null);
			json.put("reason", r.reason());
		}
		json.put("rule", derived.rule());
		json.put("inputs", derived.inputs());
		json.put("policy", derived.policy());
		return json;
	}

	/** In the application: the outcomes of a runner's answer, or {@link Frames.BadFrameException} saying what is wrong. */
	static List<Derived<? extends Outcome>> read(JsonNode outcomes) throws Frames.BadFrameException {
		if (!outcomes.isArray()) {
			throw new Frames.BadFrameException("outcomes that are not a list");
		}
		if (outcomes.size() > MAX_OUTCOMES) {
			throw new Frames.BadFrameException(outcomes.size() + " outcomes, more than the " + MAX_OUTCOMES + " accepted");
		}
		List<Derived<? extends Outcome>> read = new ArrayList<>(outcomes.size());
		for (JsonNode json : outcomes) {
			read.add(one(json));
		}
		return read;
	}

	private static Derived<? extends Outcome> one(JsonNode json) throws Frames.BadFrameException {
		if (!json.isObject()) {
			throw new Frames.BadFrameException("an outcome that is not a JSON object");
		}
		String kind = text(json, "kind");
		Set<String> fields = (kind != null) ? FIELDS.get(kind) : null;
		if (fields == null) {
			throw new Frames.BadFrameException("an outcome of unknown kind " + quoted(kind));
		}
		for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!fields.contains(name) && !EXPLANATION.contains(name)) {
				throw new Frames.BadFrameException("a " + kind + " with an unknown field " + quoted(name));
			}
		}
		Outcome outcome = switch (kind) {
			case "ItemRating" -> new ItemRating(text(json, "itemId"), text(json, "standardId"), rag(json), text(json, "reason"));
			case "StandardRating" -> new StandardRating(text(json, "standardId"), rag(json), text(json, "reason"));
			case "Finding" -> new Finding(text(json, "code"), text(json, "itemId"), text(json, "standardId"), text(json, "message"));
			case "FollowUpAction" -> new FollowUpAction(text(json, "itemId"), text(json, "standardId"), text(json, "owner"),
					date(json, "due"), text(json, "action"), text(json, "reason"));
			default -> new PartnershipRating(text(json, "standardId"), text(json, "itemId"), rag(json), text(json, "reason"));
		};
		String rule = text(json, "rule");
		if (rule == null) {
			throw new Frames.BadFrameException("a " + kind + " without the rule that concluded it");
		}
		return new Derived<>(outcome, rule, inputs(json.path("inputs")), text(json, "policy"));
	}

	private static List<String> inputs(JsonNode inputs) throws Frames.BadFrameException {
		if (!inputs.isArray() || inputs.size() > MAX_INPUTS) {
			throw new Frames.BadFrameException("an outcome's inputs that are not a list of at most " + MAX_INPUTS + " texts");
		}
		List<String> read = new ArrayList<>(inputs.size());
		for (JsonNode input : inputs) {
			read.add(bounded(input, "inputs"));
		}
		return read;
	}

	private static String text(JsonNode json, String field) throws Frames.BadFrameException {
		JsonNode value = json.get(field);
		return (value == null || value.isNull()) ? null : bounded(value, field);
	}

	private static String bounded(JsonNode value, String field) throws Frames.BadFrameException {
		if (!value.isTextual() || value.textValue().length() > MAX_TEXT) {
			throw new Frames.BadFrameException("field " + quoted(field) + " is not a text of at most " + MAX_TEXT + " characters");
		}
		return value.textValue();
	}

	private static Rag rag(JsonNode json) throws Frames.BadFrameException {
		String rag = text(json, "rag");
		try {
			return (rag != null) ? Rag.valueOf(rag) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new Frames.BadFrameException("an unknown rating " + quoted(rag));
		}
	}

	private static LocalDate date(JsonNode json, String field) throws Frames.BadFrameException {
		String date = text(json, field);
		try {
			return (date != null) ? LocalDate.parse(date) : null;
		}
		catch (DateTimeParseException ex) {
			throw new Frames.BadFrameException("field " + quoted(field) + " is not a date: " + quoted(date));
		}
	}

	private static String quoted(String text) {
		if (text == null) {
			return "(none)";
		}
		String shown = (text.length() > 60) ? text.substring(0, 60) + "..." : text;
		return "\"" + LogText.escape(shown) + "\"";
	}

}

package org.s11evaluator.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.s11evaluator.cycle.AuditCalendar;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.rules.Framework;

/**
 * Checks a return against the documented format and against its partnership's framework, collecting every
 * problem with its JSON path and item id rather than stopping at the first.
 */
class SubmissionValidator {

	static final String FORMAT = "s11-submission/1";

	private static final Set<String> ROOT_FIELDS = Set.of("format", "partnership", "cycle", "agency", "completedBy",
			"submittedAt", "responses", "actions", "outstandingPractice");

	private static final Set<String> AGENCY_FIELDS = Set.of("id", "name", "sector");

	private static final Set<String> PERSON_FIELDS = Set.of("name", "role", "email", "phone");

	private static final Set<String> RESPONSE_FIELDS = Set.of("item", "rating", "statement", "evidence", "naReason",
			"lastReviewed");

	private static final Set<String> EVIDENCE_FIELDS = Set.of("text", "links");

	private static final Set<String> ACTION_FIELDS = Set.of("item", "standard", "action", "lead", "due", "progress",
			"completed");

	/**
	 * The longest a long text (evidence text, a statement, a reason, an action, its progress, outstanding
	 * practice) may be, in characters. Each is stored in a {@code text} column of 65,535 bytes, and a character
	 * takes at most 4 bytes in UTF-8, so 16,000 characters always fit.
	 */
	static final int MAX_LONG_TEXT = 16_000;

	/** Names, roles and e-mail addresses are stored in {@code varchar(255)} columns. */
	static final int MAX_NAME = 255;

	/** A phone number is stored in a {@code varchar(64)} column. */
	static final int MAX_PHONE = 64;

	/** A sector is stored in a {@code varchar(40)} column. */
	static final int MAX_SECTOR = 40;

	/** One evidence link, and all of a response's links together (stored as one JSON list in a {@code text} column). */
	static final int MAX_LINK = 2_000;

	static final int MAX_LINKS_TOTAL = 8_000;

	private final Function<String, Optional<Cycle>> cycles;

	private final Function<String, Framework> frameworks;

	private final List<ImportProblem> problems = new ArrayList<>();

	SubmissionValidator(Function<String, Optional<Cycle>> cycles, Function<String, Framework> frameworks) {
		this.cycles = cycles;
		this.frameworks = frameworks;
	}

	record Result(SubmissionDocument document, List<ImportProblem> problems) {
	}

	Result validate(JsonNode root) {
		if (!root.isObject()) {
			problem("$", null, "expected a JSON object (a submission), found " + describe(root));
			return new Result(null, this.problems);
		}
		fields(root, "$", ROOT_FIELDS);
		String format = optionalText(root, "format", "$");
		if (format != null && !FORMAT.equals(format)) {
			problem("$.format", null, "expected \"" + FORMAT + "\", found \"" + format + "\"");
		}
		String partnership = requiredText(root, "partnership", "$");
		String cycleId = requiredText(root, "cycle", "$");
		Framework framework = checkCycle(partnership, cycleId);
		SubmissionDocument.Agency agency = agency(root.get("agency"));
		SubmissionDocument.Person completedBy = person(root.get("completedBy"));
		Instant submittedAt = instant(root, "submittedAt");
		List<SubmissionDocument.Response> responses = responses(root.get("responses"), framework);
		List<SubmissionDocument.Action> actions = actions(root.get("actions"), framework);
		String outstanding = limit(optionalText(root, "outstandingPractice", "$"), "$.outstandingPractice", null, MAX_LONG_TEXT);
		if (!this.problems.isEmpty()) {
			return new Result(null, this.problems);
		}
		return new Result(new SubmissionDocument(partnership, cycleId, agency, completedBy, submittedAt, responses,
				actions, outstanding), this.problems);
	}

	private Framework checkCycle(String partnership, String cycleId) {
		if (cycleId == null) {
			return null;
		}
		Optional<Cycle> cycle = this.cycles.apply(cycleId);
		if (cycle.isEmpty()) {
			problem("$.cycle", null, "no audit cycle \"" + cycleId + "\" is open: open it first with its cycle.yaml");
			return null;
		}
		if (partnership != null && !partnership.equals(cycle.get().partnershipId())) {
			problem("$.partnership", null, "cycle \"" + cycleId + "\" belongs to partnership \""
					+ cycle.get().partnershipId() + "\", not \"" + partnership + "\"");
			return null;
		}
		try {
			return this.frameworks.apply(cycle.get().packId());
		}
		catch (RuntimeException ex) {
			problem("$.partnership", null, "the rule pack \"" + cycle.get().packId()
					+ "\" cannot be read, so the return cannot be checked: " + ex.getMessage());
			return null;
		}
	}

	private SubmissionDocument.Agency agency(JsonNode node) {
		if (!object(node, "$.agency")) {
			return null;
		}
		fields(node, "$.agency", AGENCY_FIELDS);
		String id = requiredText(node, "id", "$.agency");
		if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,99}")) {
			problem("$.agency.id", null, "expected lower-case letters, digits and hyphens (for example \"sussex-police\"), found \"" + id + "\"");
		}
		return new SubmissionDocument.Agency(id, limit(requiredText(node, "name", "$.agency"), "$.agency.name", null, MAX_NAME),
				limit(optionalText(node, "sector", "$.agency"), "$.agency.sector", null, MAX_SECTOR));
	}

	private SubmissionDocument.Person person(JsonNode node) {
		if (!object(node, "$.completedBy")) {
			return null;
		}
		fields(node, "$.completedBy", PERSON_FIELDS);
		return new SubmissionDocument.Person(limit(requiredText(node, "name", "$.completedBy"), "$.completedBy.name", null, MAX_NAME),
				limit(optionalText(node, "role", "$.completedBy"), "$.completedBy.role", null, MAX_NAME),
				limit(optionalText(node, "email", "$.completedBy"), "$.completedBy.email", null, MAX_NAME),
				limit(optionalText(node, "phone", "$.completedBy"), "$.completedBy.phone", null, MAX_PHONE));
	}

	private List<SubmissionDocument.Response> responses(JsonNode node, Framework framework) {
		List<SubmissionDocument.Response> responses = new ArrayList<>();
		if (node == null || node.isNull()) {
			problem("$.responses", null, "is missing: expected a list of item responses");
			return responses;
		}
		if (!node.isArray()) {
			problem("$.responses", null, "expected a list of item responses, found " + describe(node));
			return responses;
		}
		Map<String, Framework.Standard> standards = (framework != null) ? framework.standardByItemId() : Map.of();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < node.size(); i++) {
			String path = "$.responses[" + i + "]";
			JsonNode response = node.get(i);
			if (!object(response, path)) {
				continue;
			}
			int firstProblem = this.problems.size();
			fields(response, path, RESPONSE_FIELDS);
			String item = requiredText(response, "item", path);
			String rating = requiredText(response, "rating", path);
			Framework.Standard standard = null;
			if (item != null && framework != null) {
				standard = standards.get(item);
				if (standard == null) {
					problem(path + ".item", item, "item \"" + item + "\" is not in the " + framework.partnership().id()
							+ " framework (items run from " + firstAndLast(framework) + ")");
				}
				Integer earlier = seen.putIfAbsent(item, i);
				if (earlier != null) {
					problem(path + ".item", item, "item \"" + item + "\" is answered twice (first at $.responses[" + earlier + "])");
				}
			}
			if (rating != null && framework != null && framework.scale().level(rating).isEmpty()) {
				problem(path + ".rating", item, "rating \"" + rating + "\" is not in the " + framework.partnership().id()
						+ " scale: expected one of " + framework.scale().codes());
			}
			String evidenceText = null;
			List<String> links = List.of();
			JsonNode evidence = response.get("evidence");
			if (evidence != null && !evidence.isNull() && object(evidence, path + ".evidence")) {
				fields(evidence, path + ".evidence", EVIDENCE_FIELDS);
				evidenceText = limit(optionalText(evidence, "text", path + ".evidence"), path + ".evidence.text", item, MAX_LONG_TEXT);
				links = links(evidence.get("links"), path + ".evidence.links", item);
			}
			responses.add(new SubmissionDocument.Response(item, (standard != null) ? standard.id() : null, rating,
					limit(optionalText(response, "statement", path), path + ".statement", item, MAX_LONG_TEXT), evidenceText, links,
					limit(optionalText(response, "naReason", path), path + ".naReason", item, MAX_LONG_TEXT),
					date(response, "lastReviewed", path, item)));
			tagWithItem(firstProblem, item);
		}
		return responses;
	}

	private List<SubmissionDocument.Action> actions(JsonNode node, Framework framework) {
		List<SubmissionDocument.Action> actions = new ArrayList<>();
		if (node == null || node.isNull()) {
			return actions;
		}
		if (!node.isArray()) {
			problem("$.actions", null, "expected a list of actions, found " + describe(node));
			return actions;
		}
		Map<String, Framework.Standard> standards = (framework != null) ? framework.standardByItemId() : Map.of();
		for (int i = 0; i < node.size(); i++) {
			String path = "$.actions[" + i + "]";
			JsonNode action = node.get(i);
			if (!object(action, path)) {
				continue;
			}
			fields(action, path, ACTION_FIELDS);
			String item = optionalText(action, "item", path);
			String standard = optionalText(action, "standard", path);
			if (item == null && standard == null) {
				problem(path, null, "an action must name the \"item\" or the \"standard\" it answers");
			}
			if (framework != null && item != null) {
				Framework.Standard itemStandard = standards.get(item);
				if (itemStandard == null) {
					problem(path + ".item", item, "item \"" + item + "\" is not in the " + framework.partnership().id() + " framework");
				}
				else if (standard != null && !standard.equals(itemStandard.id())) {
					problem(path + ".standard", item, "item \"" + item + "\" belongs to standard \"" + itemStandard.id()
							+ "\", not \"" + standard + "\"");
				}
				else {
					standard = itemStandard.id();
				}
			}
			else if (framework != null && standard != null && framework.standard(standard).isEmpty()) {
				problem(path + ".standard", null, "standard \"" + standard + "\" is not in the " + framework.partnership().id() + " framework");
			}
			actions.add(new SubmissionDocument.Action(item, standard,
					limit(optionalText(action, "action", path), path + ".action", item, MAX_LONG_TEXT),
					limit(optionalText(action, "lead", path), path + ".lead", item, MAX_NAME), date(action, "due", path, item),
					limit(optionalText(action, "progress", path), path + ".progress", item, MAX_LONG_TEXT),
					date(action, "completed", path, item)));
		}
		return actions;
	}

	private List<String> links(JsonNode node, String path, String item) {
		List<String> links = new ArrayList<>();
		if (node == null || node.isNull()) {
			return links;
		}
		if (!node.isArray()) {
			problem(path, item, "expected a list of links, found " + describe(node));
			return links;
		}
		int total = 0;
		for (int i = 0; i < node.size(); i++) {
			if (node.get(i).isTextual()) {
				String link = limit(node.get(i).asText(), path + "[" + i + "]", item, MAX_LINK);
				if (link != null) {
					links.add(link);
					total += link.length();
				}
			}
			else {
				problem(path + "[" + i + "]", item, "expected a link (text), found " + describe(node.get(i)));
			}
		}
		if (total > MAX_LINKS_TOTAL) {
			problem(path, item, String.format("the links are %,d characters long together; they may be at most %,d", total, MAX_LINKS_TOTAL));
		}
		return links;
	}

	private Instant instant(JsonNode parent, String field) {
		String text = requiredText(parent, field, "$");
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return AuditCalendar.instantOf(LocalDateTime.parse(text));
			}
			catch (DateTimeParseException notLocal) {
				try {
					return AuditCalendar.instantOf(LocalDate.parse(text).atStartOfDay());
				}
				catch (DateTimeParseException notDate) {
					problem("$." + field, null, "expected a date and time such as \"2025-03-14T10:30:00Z\", found \"" + text + "\"");
					return null;
				}
			}
		}
	}

	private LocalDate date(JsonNode parent, String field, String path, String item) {
		String text = optionalText(parent, field, path);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problem(path + "." + field, item, "expected a date as YYYY-MM-DD (for example \"2025-09-30\"), found \"" + text + "\"");
			return null;
		}
	}

	private String requiredText(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			problem(path + "." + field, null, "is missing: expected text");
			return null;
		}
		return text(node, path + "." + field, true);
	}

	private String optionalText(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		return (node == null || node.isNull()) ? null : text(node, path + "." + field, false);
	}

	private String text(JsonNode node, String path, boolean required) {
		if (!node.isTextual()) {
			problem(path, null, "expected text, found " + describe(node));
			return null;
		}
		String text = node.asText().strip();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
				problem(path, null, String.format("contains a control character (U+%04X) at position %d: only printable text is accepted", (int) c, i + 1));
				return null;
			}
		}
		if (required && text.isEmpty()) {
			problem(path, null, "is empty: expected text");
			return null;
		}
		return text.isEmpty() ? null : text;
	}

	/** A text longer than its column can hold is a problem named with its path, its length and the limit. */
	private String limit(String text, String path, String item, int max) {
		if (text != null && text.length() > max) {
			problem(path, item, String.format("is %,d characters long; it may be at most %,d characters", text.length(), max));
			return null;
		}
		return text;
	}

	private boolean object(JsonNode node, String path) {
		if (node == null || node.isNull()) {
			problem(path, null, "is missing: expected an object");
			return false;
		}
		if (!node.isObject()) {
			problem(path, null, "expected an object, found " + describe(node));
			return false;
		}
		return true;
	}

	private void fields(JsonNode node, String path, Set<String> allowed) {
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!allowed.contains(name)) {
				problem(path + "." + name, null, "unknown field \"" + name + "\": expected one of " + allowed.stream().sorted().toList());
			}
		}
	}

	/** Problems found inside one response name its item, so an officer can find it in the form. */
	private void tagWithItem(int from, String item) {
		if (item == null) {
			return;
		}
		for (int i = from; i < this.problems.size(); i++) {
			ImportProblem problem = this.problems.get(i);
			if (problem.itemId() == null) {
				this.problems.set(i, new ImportProblem(problem.location(), item, problem.message()));
			}
		}
	}

	private void problem(String location, String item, String message) {
		this.problems.add(new ImportProblem(location, item, message));
	}

	private static String firstAndLast(Framework framework) {
		List<Framework.Item> first = framework.standards().get(0).items();
		List<Framework.Item> last = framework.standards().get(framework.standards().size() - 1).items();
		return "\"" + first.get(0).id() + "\" to \"" + last.get(last.size() - 1).id() + "\"";
	}

	private static String describe(JsonNode node) {
		if (node.isTextual()) {
			return "text \"" + node.asText() + "\"";
		}
		if (node.isNumber()) {
			return "number " + node.asText();
		}
		if (node.isBoolean()) {
			return "true/false " + node.asText();
		}
		if (node.isArray()) {
			return "a list";
		}
		if (node.isObject()) {
			return "an object";
		}
		return node.getNodeType().toString().toLowerCase();
	}

}

package org.s11evaluator.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.s11evaluator.cycle.Cycle;
import org.s11evaluator.rules.Framework;

/**
 * Checks a return against the published JSON Schema ({@link SubmissionSchema}), and then against what only the
 * application knows: that its cycle is open and belongs to its partnership, and that its item ids, standards and
 * ratings are those of the partnership's framework. Every problem is collected, each with the line and column
 * in the file, the field's path, and the item concerned.
 */
class SubmissionValidator {

	static final String FORMAT = "s11-submission/1";

	/**
	 * The longest a long text (evidence text, a statement, a reason, an action, its progress, outstanding
	 * practice) may be, in characters, as the schema states it. Each is stored in a {@code text} column of 65,535
	 * bytes, and a character takes at most 4 bytes in UTF-8, so 16,000 characters always fit.
	 */
	static final int MAX_LONG_TEXT = 16_000;

	/** Names, roles and e-mail addresses are stored in {@code varchar(255)} columns (the schema's maxLength). */
	static final int MAX_NAME = 255;

	/** A phone number is stored in a {@code varchar(64)} column. */
	static final int MAX_PHONE = 64;

	/** A sector is stored in a {@code varchar(40)} column. */
	static final int MAX_SECTOR = 40;

	/** One evidence link (in the schema), and all of a response's links together (stored as one JSON list in a {@code text} column). */
	static final int MAX_LINK = 2_000;

	/** A sum over a list, which JSON Schema cannot state: checked here. */
	static final int MAX_LINKS_TOTAL = 8_000;

	private static final Pattern WITHIN_ITEM = Pattern.compile("^/(responses|actions)/(\\d+)");

	private final Function<String, Optional<Cycle>> cycles;

	private final Function<String, Framework> frameworks;

	/** The template (pack) an agency's return is judged by in a cycle; empty: the cycle has templates and none is the agency's. */
	interface Templates {

		Optional<String> of(String cycleId, String agencyId, String sector);

	}

	private final Templates templates;

	private final List<ImportProblem> problems = new ArrayList<>();

	private JsonNode root;

	private Positions positions;

	private boolean schemaPassed;

	SubmissionValidator(Function<String, Optional<Cycle>> cycles, Function<String, Framework> frameworks) {
		this(cycles, frameworks, (cycle, agency, sector) -> cycles.apply(cycle).map(Cycle::packId));
	}

	SubmissionValidator(Function<String, Optional<Cycle>> cycles, Function<String, Framework> frameworks, Templates templates) {
		this.cycles = cycles;
		this.frameworks = frameworks;
		this.templates = templates;
	}

	record Result(SubmissionDocument document, List<ImportProblem> problems) {
	}

	Result validate(JsonNode root, Positions positions) {
		this.root = root;
		this.positions = positions;
		SubmissionSchema.published().check(root).forEach((v) -> problem(v.pointer(), v.message()));
		this.schemaPassed = this.problems.isEmpty();
		if (!root.isObject()) {
			return new Result(null, this.problems);
		}
		// the checks below read only values of the right type: the schema has named every other one
		String partnership = text(root, "partnership");
		String cycleId = text(root, "cycle");
		Framework framework = checkCycle(partnership, cycleId);
		List<SubmissionDocument.Response> responses = responses(root.path("responses"), framework);
		List<SubmissionDocument.Action> actions = actions(root.path("actions"), framework);
		if (!this.problems.isEmpty()) {
			return new Result(null, List.copyOf(this.problems));
		}
		JsonNode agency = root.get("agency");
		JsonNode person = root.get("completedBy");
		return new Result(new SubmissionDocument(partnership, cycleId,
				new SubmissionDocument.Agency(text(agency, "id"), text(agency, "name"), text(agency, "sector")),
				new SubmissionDocument.Person(text(person, "name"), text(person, "role"), text(person, "email"), text(person, "phone")),
				instant(text(root, "submittedAt")), responses, actions, text(root, "outstandingPractice")), this.problems);
	}

	private Framework checkCycle(String partnership, String cycleId) {
		if (cycleId == null) {
			return null;
		}
		Optional<Cycle> cycle = this.cycles.apply(cycleId);
		if (cycle.isEmpty()) {
			problem("/cycle", "no audit cycle \"" + cycleId + "\" is open: open it first with its cycle.yaml");
			return null;
		}
		if (partnership != null && !partnership.equals(cycle.get().partnershipId())) {
			problem("/partnership", "cycle \"" + cycleId + "\" belongs to partnership \"" + cycle.get().partnershipId() + "\", not \""
					+ partnership + "\"");
			return null;
		}
		String pack = template(cycle.get());
		if (pack == null) {
			return null;
		}
		try {
			return this.frameworks.apply(pack);
		}
		catch (RuntimeException ex) {
			problem("/partnership", "the rule pack \"" + pack + "\" cannot be read, so the return cannot be checked: "
					+ ex.getMessage());
			return null;
		}
	}

	/**
	 * The template the return is judged by: its agency's in the cycle (per agency, or by sector); a return that names
	 * another template ({@code template}) is refused, saying which one is expected. Null after a problem.
	 */
	private String template(Cycle cycle) {
		JsonNode agency = this.root.get("agency");
		String agencyId = (agency != null && agency.isObject()) ? text(agency, "id") : null;
		String sector = (agency != null && agency.isObject()) ? text(agency, "sector") : null;
		String named = text(this.root, "template");
		if (agencyId == null) {
			return cycle.packId();
		}
		Optional<String> expected = this.templates.of(cycle.id(), agencyId, sector);
		if (expected.isEmpty()) {
			problem("/agency/id", "agency \"" + agencyId + "\" is judged by no template of cycle \"" + cycle.id() + "\": it is not on the"
					+ " cycle's list and no template covers its sector" + ((sector != null) ? " \"" + sector + "\"" : " (the return gives none)")
					+ "; add the agency, with its template, to the cycle's cycle.yaml and open the cycle again");
			return null;
		}
		if (named != null && !named.equals(expected.get())) {
			problem("/template", "this return was completed on template \"" + named + "\", but agency \"" + agencyId + "\" is judged by template \""
					+ expected.get() + "\" in cycle \"" + cycle.id() + "\": complete the " + expected.get() + " template instead (or correct the"
					+ " agency's template in the cycle's cycle.yaml)");
			return null;
		}
		return expected.get();
	}

	private List<SubmissionDocument.Response> responses(JsonNode node, Framework framework) {
		List<SubmissionDocument.Response> responses = new ArrayList<>();
		Map<String, Framework.Standard> standards = (framework != null) ? framework.standardByItemId() : Map.of();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode response = node.get(i);
			String item = text(response, "item");
			String rating = text(response, "rating");
			Framework.Standard standard = (item != null) ? standards.get(item) : null;
			if (item != null && framework != null) {
				if (standard == null) {
					problem(JsonPositions.pointer("responses", i, "item"), "item \"" + item + "\" is not in the " + framework.partnership().id()
							+ " framework (items run from " + firstAndLast(framework) + ")");
				}
				Integer earlier = seen.putIfAbsent(item, i);
				if (earlier != null) {
					problem(JsonPositions.pointer("responses", i, "item"), "item \"" + item + "\" is answered twice (first at "
							+ this.positions.describe(JsonPositions.pointer("responses", earlier)) + ")");
				}
			}
			if (rating != null && framework != null && framework.scale().level(rating).isEmpty()) {
				problem(JsonPositions.pointer("responses", i, "rating"), "\"" + rating + "\" is not one of " + String.join(", ", framework.scale().codes())
						+ " (the " + framework.partnership().id() + " scale)");
			}
			JsonNode evidence = response.path("evidence");
			List<String> links = links(evidence.path("links"), i);
			responses.add(new SubmissionDocument.Response(item, (standard != null) ? standard.id() : null, rating, text(response, "statement"),
					text(evidence, "text"), links, text(response, "naReason"),
					date(text(response, "lastReviewed"), JsonPositions.pointer("responses", i, "lastReviewed"))));
		}
		return responses;
	}

	private List<SubmissionDocument.Action> actions(JsonNode node, Framework framework) {
		List<SubmissionDocument.Action> actions = new ArrayList<>();
		Map<String, Framework.Standard> standards = (framework != null) ? framework.standardByItemId() : Map.of();
		for (int i = 0; i < node.size(); i++) {
			JsonNode action = node.get(i);
			String item = text(action, "item");
			String standard = text(action, "standard");
			if (framework != null && item != null) {
				Framework.Standard itemStandard = standards.get(item);
				if (itemStandard == null) {
					problem(JsonPositions.pointer("actions", i, "item"), "item \"" + item + "\" is not in the " + framework.partnership().id() + " framework");
				}
				else if (standard != null && !standard.equals(itemStandard.id())) {
					problem(JsonPositions.pointer("actions", i, "standard"), "item \"" + item + "\" belongs to standard \"" + itemStandard.id()
							+ "\", not \"" + standard + "\"");
				}
				else {
					standard = itemStandard.id();
				}
			}
			else if (framework != null && standard != null && framework.standard(standard).isEmpty()) {
				problem(JsonPositions.pointer("actions", i, "standard"), "standard \"" + standard + "\" is not in the " + framework.partnership().id()
						+ " framework");
			}
			actions.add(new SubmissionDocument.Action(item, standard, text(action, "action"), text(action, "lead"),
					date(text(action, "due"), JsonPositions.pointer("actions", i, "due")), text(action, "progress"),
					date(text(action, "completed"), JsonPositions.pointer("actions", i, "completed"))));
		}
		return actions;
	}

	private List<String> links(JsonNode node, int response) {
		List<String> links = new ArrayList<>();
		int total = 0;
		for (JsonNode link : node) {
			if (link.isTextual()) {
				links.add(link.asText().strip());
				total += link.asText().strip().length();
			}
		}
		if (total > MAX_LINKS_TOTAL) {
			problem(JsonPositions.pointer("responses", response, "evidence", "links"),
					String.format("the links are %,d characters long together; they may be at most %,d", total, MAX_LINKS_TOTAL));
		}
		return links;
	}

	/** The schema has checked the form (RFC 3339, with its offset); this only reads it. */
	private Instant instant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT).replace(' ', 'T')).toInstant();
		}
		catch (DateTimeParseException ex) {
			problem("/submittedAt", "expected a date and time with its time zone, such as \"2025-03-14T10:30:00Z\", found \"" + text + "\"");
			return null;
		}
	}

	/**
	 * A date the schema has checked. One it refused is left out of a document that is not stored anyway; one it
	 * let through that is still not a date is a problem here too, so that no date is ever dropped silently.
	 */
	private LocalDate date(String text, String pointer) {
		try {
			return (text != null) ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			if (this.schemaPassed) {
				problem(pointer, "expected a real date as YYYY-MM-DD (for example \"2025-09-30\"), found \"" + text + "\"");
			}
			return null;
		}
	}

	/** A text value, stripped; null when absent, not text, or blank. */
	private static String text(JsonNode parent, String field) {
		JsonNode node = (parent != null) ? parent.get(field) : null;
		if (node == null || !node.isTextual()) {
			return null;
		}
		String text = node.asText().strip();
		return text.isEmpty() ? null : text;
	}

	/** A problem at a pointer, placed at its line and column, naming the item of the response or action it is in. */
	private void problem(String pointer, String message) {
		this.problems.add(new ImportProblem(this.positions.describe(pointer), itemOf(pointer), message));
	}

	private String itemOf(String pointer) {
		Matcher within = WITHIN_ITEM.matcher(pointer);
		if (!within.find()) {
			return null;
		}
		JsonNode item = this.root.path(within.group(1)).path(Integer.parseInt(within.group(2))).path("item");
		return item.isTextual() ? item.asText() : null;
	}

	private static String firstAndLast(Framework framework) {
		List<Framework.Item> first = framework.standards().get(0).items();
		List<Framework.Item> last = framework.standards().get(framework.standards().size() - 1).items();
		return "\"" + first.get(0).id() + "\" to \"" + last.get(last.size() - 1).id() + "\"";
	}

}

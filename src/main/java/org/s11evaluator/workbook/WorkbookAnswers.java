package org.s11evaluator.workbook;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.submission.ConvertedReturn;
import org.s11evaluator.submission.ImportProblem;

/**
 * Turns the cells of a workbook, read by its template's record, into the JSON return they stand for: the front
 * sheet's agency and who completed it, one response per item row that holds an answer, one action per filled row
 * of the action plan, and outstanding practice; and where each value was found, so that the import's problems
 * name the cell. A rating is one of the scale's labels as the drop-down offers them (or its short label, or its
 * code, whatever their case); a date is a date cell, or a date typed as {@code 14/03/2025} or {@code 2025-03-14}.
 */
final class WorkbookAnswers {

	private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

	private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
			DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT), DateTimeFormatter.ISO_LOCAL_DATE);

	private final TemplateRecord record;

	private final Framework framework;

	private final RulePack pack;

	private final Map<String, Map<String, SheetCells.Cell>> sheets;

	private final boolean date1904;

	private final List<ImportProblem> problems;

	private final List<String> warnings = new ArrayList<>();

	private final Map<String, String> places = new LinkedHashMap<>();

	/** Cells that are read (answers) or are the template's own, by sheet: anything else holding something is reported. */
	private final Map<String, Set<String>> known = new HashMap<>();

	private int dropped;

	WorkbookAnswers(TemplateRecord record, RulePack pack, Map<String, Map<String, SheetCells.Cell>> sheets, boolean date1904,
			List<ImportProblem> problems) {
		this.record = record;
		this.pack = pack;
		this.framework = pack.framework();
		this.sheets = sheets;
		this.date1904 = date1904;
		this.problems = new ArrayList<>(problems);
	}

	ConvertedReturn convert(ObjectMapper json) {
		versionDifferences();
		ObjectNode document = json.createObjectNode();
		document.put("format", "s11-submission/1");
		document.put("partnership", this.framework.partnership().id());
		String front = TemplateLayout.FRONT;
		this.places.put("", front);
		String cycle = frontText("cycle", "the audit cycle", true);
		if (cycle == null && this.record.cycle() != null) {
			cycle = this.record.cycle();
		}
		put(document, "cycle", cycle);
		ObjectNode agency = document.putObject("agency");
		put(agency, "id", frontText("agency.id", "the agency id", true));
		put(agency, "name", frontText("agency.name", "the agency's name", true));
		put(agency, "sector", frontText("agency.sector", "the sector", false));
		ObjectNode person = document.putObject("completedBy");
		put(person, "name", frontText("completedBy.name", "the name of who completed the return", true));
		put(person, "role", frontText("completedBy.role", "", false));
		put(person, "email", frontText("completedBy.email", "", false));
		put(person, "phone", frontText("completedBy.phone", "", false));
		this.places.put("/agency", place(front, this.record.frontCells().get("agency.id")));
		this.places.put("/completedBy", place(front, this.record.frontCells().get("completedBy.name")));
		this.places.put("/partnership", place(front, "B4"));
		String completed = this.record.frontCells().get("submittedAt");
		LocalDate date = date(front, completed, "the date completed", null);
		if (date == null && this.sheets.getOrDefault(front, Map.of()).get(completed) == null && this.sheets.containsKey(front)) {
			problem(front, completed, null, "the date completed is missing: give the date the return was completed, such as 14/03/2025");
		}
		if (date != null) {
			document.put("submittedAt", date.atStartOfDay(ENGLAND).format(SUBMITTED));
		}
		this.places.put("/submittedAt", place(front, completed));
		// the front sheet's own text: its titles above the fields, the labels (column A) and hints (column C) beside them
		Set<String> ownFront = this.known.computeIfAbsent(front, (s) -> new HashSet<>());
		ownFront.addAll(this.record.frontCells().values());
		this.sheets.getOrDefault(front, Map.of()).values().stream()
			.filter((cell) -> cell.row() < TemplateLayout.FRONT_FIRST_ROW - 1 || cell.column() != 1)
			.filter((cell) -> cell.row() < TemplateLayout.FRONT_FIRST_ROW - 1 + TemplateLayout.FRONT_FIELDS.size() && cell.column() <= 2)
			.forEach((cell) -> ownFront.add(cell.ref()));
		responses(document.putArray("responses"));
		actions(document.putArray("actions"));
		outstanding(document);
		strayCells();
		if (this.dropped > 0) {
			this.problems.add(new ImportProblem("workbook", null, "and " + this.dropped + " more problem(s) like those above"));
		}
		String cycleId = document.path("cycle").isTextual() ? document.get("cycle").asText() : null;
		String agencyId = agency.path("id").isTextual() ? agency.get("id").asText() : null;
		return new ConvertedReturn(WorkbookReturns.text(json, document), this.places, "file", this.problems, this.warnings, cycleId, agencyId);
	}

	/** What differs between the pack the template was made from and the pack now: reported, and matching items imported. */
	private void versionDifferences() {
		if (this.pack.version().equals(this.record.version())) {
			return;
		}
		Map<String, Framework.Item> now = this.framework.itemsById();
		Set<String> inTemplate = new HashSet<>();
		List<String> changed = new ArrayList<>();
		for (TemplateRecord.ItemRow row : this.record.items()) {
			inTemplate.add(row.item());
			Framework.Item item = now.get(row.item());
			if (item != null && !TemplateRecord.hash(item.text()).equals(row.textHash())) {
				changed.add(row.item());
			}
		}
		List<String> added = now.keySet().stream().filter((id) -> !inTemplate.contains(id)).sorted().toList();
		List<String> removed = this.record.items().stream().map(TemplateRecord.ItemRow::item).filter((id) -> !now.containsKey(id)).toList();
		String version = (this.record.version() != null && this.record.version().length() >= 12) ? this.record.version().substring(0, 12)
				: String.valueOf(this.record.version());
		StringBuilder warning = new StringBuilder("the workbook was made from an earlier version of the " + this.pack.id() + " pack ("
				+ version + ", the pack is now " + this.pack.shortVersion() + "): the items that still match were imported");
		if (!changed.isEmpty()) {
			warning.append("; the wording of ").append(items(changed)).append(" has changed since (answers imported)");
		}
		if (!removed.isEmpty()) {
			warning.append("; ").append(items(removed)).append(removed.size() == 1 ? " is" : " are")
				.append(" no longer in the framework (any answer given was not imported)");
		}
		if (!added.isEmpty()) {
			warning.append("; ").append(items(added)).append(added.size() == 1 ? " is" : " are")
				.append(" new in the framework and not in this workbook (reported as not answered)");
		}
		this.warnings.add(warning.toString());
	}

	private static String items(List<String> ids) {
		return ((ids.size() == 1) ? "item " : "items ") + String.join(", ", ids);
	}

	private void responses(ArrayNode responses) {
		Map<String, Framework.Standard> standards = this.framework.standardByItemId();
		Map<String, Integer> lastRow = new HashMap<>();
		for (TemplateRecord.ItemRow row : this.record.items()) {
			lastRow.merge(row.sheet(), row.row(), Math::max);
			Map<String, SheetCells.Cell> cells = this.sheets.get(row.sheet());
			if (cells == null) {
				continue; // the missing sheet is reported
			}
			Set<String> own = this.known.computeIfAbsent(row.sheet(), (s) -> new HashSet<>());
			String idRef = ref(TemplateLayout.ID_COLUMN, row.row());
			own.add(idRef);
			own.add(ref(TemplateLayout.TEXT_COLUMN, row.row()));
			own.add(ref(TemplateLayout.CARRIED_COLUMN, row.row()));
			SheetCells.Cell id = cells.get(idRef);
			String found = (id != null) ? WorkbookReturns.plainNumber(id.value().strip()) : "";
			if (!found.equals(row.item())) {
				problem(row.sheet(), idRef, row.item(), "expected " + this.framework.levels().line() + " " + row.item() + " in this row, found "
						+ (found.isEmpty() ? "nothing" : "\"" + found + "\"") + ": the rows of the template must stay where they are");
				continue;
			}
			Map<Field, String> refs = new LinkedHashMap<>();
			this.record.fieldColumns().forEach((key, column) -> {
				Field field = Field.of(key);
				if (field != null) {
					refs.put(field, column + row.row());
					own.add(column + row.row());
				}
			});
			boolean answered = refs.values().stream().anyMatch(cells::containsKey);
			if (!answered) {
				continue;
			}
			if (!standards.containsKey(row.item())) {
				continue; // an item the pack no longer has: named in the version's differences
			}
			int index = responses.size();
			String at = "/responses/" + index;
			ObjectNode response = responses.addObject();
			response.put("item", row.item());
			this.places.put(at, place(row.sheet(), idRef));
			this.places.put(at + "/item", place(row.sheet(), idRef));
			String ratingRef = refs.get(Field.RATING);
			this.places.put(at + "/rating", place(row.sheet(), ratingRef));
			String rating = rating(row.sheet(), ratingRef, row.item());
			if (rating != null) {
				response.put("rating", rating);
			}
			else if (ratingRef != null && !cells.containsKey(ratingRef)) {
				problem(row.sheet(), ratingRef, row.item(), "no rating, though other cells of the row are filled in: choose one of "
						+ labels());
			}
			String evidence = text(row.sheet(), refs.get(Field.EVIDENCE), row.item(), "the evidence");
			String links = text(row.sheet(), refs.get(Field.LINKS), row.item(), "the evidence links");
			if (evidence != null || links != null) {
				ObjectNode node = response.putObject("evidence");
				put(node, "text", evidence);
				this.places.put(at + "/evidence", place(row.sheet(), (refs.get(Field.EVIDENCE) != null) ? refs.get(Field.EVIDENCE) : refs.get(Field.LINKS)));
				this.places.put(at + "/evidence/text", place(row.sheet(), refs.get(Field.EVIDENCE)));
				if (links != null) {
					ArrayNode list = node.putArray("links");
					links.lines().map(String::strip).filter((link) -> !link.isEmpty()).forEach(list::add);
					this.places.put(at + "/evidence/links", place(row.sheet(), refs.get(Field.LINKS)));
				}
			}
			put(response, "naReason", text(row.sheet(), refs.get(Field.NA_REASON), row.item(), "the reason"));
			this.places.put(at + "/naReason", place(row.sheet(), refs.get(Field.NA_REASON)));
			put(response, "statement", text(row.sheet(), refs.get(Field.STATEMENT), row.item(), "the statement"));
			this.places.put(at + "/statement", place(row.sheet(), refs.get(Field.STATEMENT)));
			LocalDate reviewed = date(row.sheet(), refs.get(Field.LAST_REVIEWED), "last reviewed", row.item());
			if (reviewed != null) {
				response.put("lastReviewed", reviewed.toString());
			}
			this.places.put(at + "/lastReviewed", place(row.sheet(), refs.get(Field.LAST_REVIEWED)));
		}
		// the rows below a sheet's last item are not the template's: a line cannot be added to a standard
		lastRow.forEach((sheet, last) -> {
			Map<String, SheetCells.Cell> cells = this.sheets.get(sheet);
			if (cells == null) {
				return;
			}
			Set<Integer> reported = new HashSet<>();
			for (SheetCells.Cell cell : cells.values()) {
				if (cell.row() + 1 > last && reported.add(cell.row())) {
					problem(sheet, cell.ref(), null, "row " + (cell.row() + 1) + " is below the template's last "
							+ this.framework.levels().line() + " (row " + last + "): " + this.framework.levels().lines()
							+ " cannot be added to the template; put what it says in the evidence of the "
							+ this.framework.levels().line() + " it belongs to");
				}
			}
			// the template's own cells above the items (titles, headings)
			Set<String> own = this.known.computeIfAbsent(sheet, (s) -> new HashSet<>());
			cells.values().stream().filter((cell) -> cell.row() < TemplateLayout.HEADING_ROW).forEach((cell) -> own.add(cell.ref()));
			cells.values().stream().filter((cell) -> cell.row() + 1 > last).forEach((cell) -> own.add(cell.ref()));
		});
	}

	private void actions(ArrayNode actions) {
		String sheet = this.record.actionsSheet();
		Map<String, SheetCells.Cell> cells = this.sheets.get(sheet);
		if (cells == null) {
			return;
		}
		Set<String> own = this.known.computeIfAbsent(sheet, (s) -> new HashSet<>());
		cells.values().stream().filter((cell) -> cell.row() + 1 < this.record.actionsFirstRow()).forEach((cell) -> own.add(cell.ref()));
		int lastColumn = -1;
		Map<String, Integer> columns = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : this.record.actionColumns().entrySet()) {
			int column = CellReference.convertColStringToIndex(entry.getValue());
			columns.put(entry.getKey(), column);
			lastColumn = Math.max(lastColumn, column);
		}
		int carried = lastColumn + 1; // the "carried forward" note, the template's own
		int lastRow = cells.values().stream().mapToInt((cell) -> cell.row() + 1).max().orElse(0);
		for (int row = this.record.actionsFirstRow(); row <= lastRow; row++) {
			own.add(ref(carried, row));
			int r = row;
			boolean filled = columns.values().stream().anyMatch((column) -> cells.containsKey(ref(column, r)));
			columns.values().forEach((column) -> own.add(ref(column, r)));
			if (!filled) {
				continue;
			}
			if (actions.size() >= WorkbookReturns.MAX_ACTIONS) {
				problem(sheet, ref(0, row), null, "the action plan has more than " + WorkbookReturns.MAX_ACTIONS + " actions");
				break;
			}
			String at = "/actions/" + actions.size();
			ObjectNode action = actions.addObject();
			this.places.put(at, place(sheet, ref(columns.getOrDefault("item", 0), row)));
			String item = null;
			for (Map.Entry<String, Integer> column : columns.entrySet()) {
				String field = column.getKey();
				String cellRef = ref(column.getValue(), row);
				this.places.put(at + "/" + field, place(sheet, cellRef));
				if (field.equals("due") || field.equals("completed")) {
					LocalDate date = date(sheet, cellRef, field.equals("due") ? "the due date" : "the date completed", item);
					if (date != null) {
						action.put(field, date.toString());
					}
				}
				else {
					String value = text(sheet, cellRef, item, "the " + field);
					if (value != null && (field.equals("item") || field.equals("standard"))) {
						value = WorkbookReturns.plainNumber(value);
					}
					put(action, field, value);
					if (field.equals("item")) {
						item = value;
					}
				}
			}
		}
	}

	private void outstanding(ObjectNode document) {
		String sheet = this.record.outstandingSheet();
		String cell = this.record.outstandingCell();
		Map<String, SheetCells.Cell> cells = this.sheets.get(sheet);
		if (cells == null) {
			return;
		}
		Set<String> own = this.known.computeIfAbsent(sheet, (s) -> new HashSet<>());
		int answerRow = new CellReference(cell).getRow();
		cells.values().stream().filter((c) -> c.row() < answerRow).forEach((c) -> own.add(c.ref()));
		own.add(cell);
		put(document, "outstandingPractice", text(sheet, cell, null, "outstanding practice"));
		this.places.put("/outstandingPractice", place(sheet, cell));
	}

	/** Cells that hold something the import would not read: refused, so that nothing an agency wrote is lost unseen. */
	private void strayCells() {
		this.sheets.forEach((sheet, cells) -> {
			Set<String> own = this.known.getOrDefault(sheet, Set.of());
			for (SheetCells.Cell cell : cells.values()) {
				if (!own.contains(cell.ref())) {
					problem(sheet, cell.ref(), null, "this cell is outside the template's answer cells, so what it holds (\""
							+ abbreviated(cell.value()) + "\") would not be imported: move it into an answer cell");
				}
			}
		});
	}

	/** A front-sheet field's text; a missing required one is a problem at its cell. */
	private String frontText(String key, String what, boolean required) {
		String cell = this.record.frontCells().get(key);
		String pointer = "/" + key.replace('.', '/');
		this.places.put(pointer, place(TemplateLayout.FRONT, cell));
		if (cell == null || !this.sheets.containsKey(TemplateLayout.FRONT)) {
			return null;
		}
		String value = text(TemplateLayout.FRONT, cell, null, what);
		if (value == null && required && !this.sheets.get(TemplateLayout.FRONT).containsKey(cell)
				&& !(key.equals("cycle") && this.record.cycle() != null)) {
			problem(TemplateLayout.FRONT, cell, null, what + " is missing: it must be given");
		}
		return value;
	}

	/** A rating as the code of the scale; a value not on the scale is a problem naming the labels. */
	private String rating(String sheet, String ref, String item) {
		String value = text(sheet, ref, item, "the rating");
		if (value == null) {
			return null;
		}
		String wanted = normal(value);
		for (Framework.Level level : this.framework.scale().levels()) {
			if (normal(level.label()).equals(wanted) || normal(level.shortLabel()).equals(wanted) || normal(level.code()).equals(wanted)) {
				return level.code();
			}
		}
		problem(sheet, ref, item, "rating \"" + abbreviated(value) + "\" is not one of " + labels());
		return null;
	}

	private String labels() {
		return String.join(", ", this.framework.scale().levels().stream().map(Framework.Level::label).toList());
	}

	private static String normal(String text) {
		return (text == null) ? "" : text.strip().replaceAll("\\s+", " ").replace('–', '-').replace('—', '-').toLowerCase(Locale.ROOT);
	}

	/** A cell's text; a formula or an error value in it is a problem, and nothing is taken from it. */
	private String text(String sheet, String ref, String item, String what) {
		if (ref == null) {
			return null;
		}
		SheetCells.Cell cell = this.sheets.getOrDefault(sheet, Map.of()).get(ref);
		if (cell == null) {
			return null;
		}
		switch (cell.kind()) {
			case FORMULA:
				problem(sheet, ref, item, "the cell holds a formula (" + abbreviated(cell.value()) + "): formulas are never worked out when a"
						+ " return is read; type " + what + " itself");
				return null;
			case ERROR:
				problem(sheet, ref, item, "the cell holds an error value (" + cell.value() + "): type " + what + " itself");
				return null;
			case NUMBER:
				return WorkbookReturns.plainNumber(cell.value());
			default:
				String text = cell.value().strip();
				return text.isEmpty() ? null : text;
		}
	}

	/** A date cell, or a date typed as text; a text that is no date is a problem at its cell. */
	private LocalDate date(String sheet, String ref, String what, String item) {
		if (ref == null) {
			return null;
		}
		SheetCells.Cell cell = this.sheets.getOrDefault(sheet, Map.of()).get(ref);
		if (cell == null) {
			return null;
		}
		if (cell.kind() == SheetCells.Kind.NUMBER) {
			try {
				double serial = Double.parseDouble(cell.value());
				if (DateUtil.isValidExcelDate(serial) && serial >= 1) {
					LocalDate date = DateUtil.getLocalDateTime(serial, this.date1904).toLocalDate();
					if (date.getYear() >= 1990 && date.getYear() <= 2200) {
						return date;
					}
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			problem(sheet, ref, item, what + " " + cell.value() + " is not a date: type a date such as 30/09/2025");
			return null;
		}
		if (cell.kind() == SheetCells.Kind.DATE) {
			try {
				return LocalDate.parse(cell.value().substring(0, Math.min(10, cell.value().length())));
			}
			catch (DateTimeParseException ex) {
				problem(sheet, ref, item, what + " \"" + abbreviated(cell.value()) + "\" is not a date: type a date such as 30/09/2025");
				return null;
			}
		}
		String text = text(sheet, ref, item, what);
		if (text == null) {
			return null;
		}
		Optional<LocalDate> parsed = DATES.stream().map((format) -> {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}).filter((d) -> d != null).findFirst();
		if (parsed.isEmpty()) {
			problem(sheet, ref, item, what + " \"" + abbreviated(text) + "\" is not a date: type a date such as 30/09/2025");
		}
		return parsed.orElse(null);
	}

	private void problem(String sheet, String ref, String item, String message) {
		if (this.problems.size() >= WorkbookReturns.MAX_PROBLEMS) {
			this.dropped++;
			return;
		}
		this.problems.add(new ImportProblem(place(sheet, ref), item, message));
	}

	private static String place(String sheet, String ref) {
		return (ref != null) ? sheet + "!" + ref : sheet;
	}

	private static String ref(int column, int row) {
		return CellReference.convertNumToColString(column) + row;
	}

	private static void put(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static String abbreviated(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() > 60) ? line.substring(0, 57) + "..." : line;
	}

}

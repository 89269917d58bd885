package org.s11evaluator.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.facts.AgencyAction;
import org.s11evaluator.rules.facts.ItemResponse;

/**
 * Writes a template for one pack (optionally one cycle and one agency, with what it carries forward) as a POI
 * workbook, every word from the pack: its framework's standards, items and scale, its README as guidance. Cells the
 * agency answers are unlocked; everything else is protected (without a password: protection keeps the structure from
 * being changed by accident, it is not a secret). Its very hidden record sheet says how it was made.
 */
final class TemplateWriter {

	/** What a template is made for. */
	record Request(RulePack pack, String cycleId, String agencyId, String agencyName, String agencySector, Carried carried,
			String readme, String made) {
	}

	/** What an earlier cycle's return carries forward into the template: its answers and its open actions. */
	record Carried(String cycleId, Map<String, ItemResponse> answers, List<AgencyAction> openActions) {
	}

	private final XSSFWorkbook workbook = new XSSFWorkbook();

	private final CellStyle title;

	private final CellStyle heading;

	private final CellStyle text;

	private final CellStyle answer;

	private final CellStyle answerText;

	private final CellStyle answerDate;

	private final CellStyle carriedStyle;

	private TemplateWriter() {
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		Font big = this.workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 14);
		this.title = this.workbook.createCellStyle();
		this.title.setFont(big);
		this.heading = this.workbook.createCellStyle();
		this.heading.setFont(bold);
		this.heading.setWrapText(true);
		this.heading.setVerticalAlignment(VerticalAlignment.TOP);
		this.heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		this.heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		this.text = this.workbook.createCellStyle();
		this.text.setWrapText(true);
		this.text.setVerticalAlignment(VerticalAlignment.TOP);
		this.answer = answerStyle();
		this.answerText = answerStyle();
		this.answerText.setDataFormat(this.workbook.createDataFormat().getFormat("@"));
		this.answerDate = answerStyle();
		this.answerDate.setDataFormat(this.workbook.createDataFormat().getFormat("dd/mm/yyyy"));
		this.carriedStyle = this.workbook.createCellStyle();
		this.carriedStyle.cloneStyleFrom(this.text);
		Font italic = this.workbook.createFont();
		italic.setItalic(true);
		this.carriedStyle.setFont(italic);
	}

	private CellStyle answerStyle() {
		CellStyle style = this.workbook.createCellStyle();
		style.setLocked(false);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	/** The workbook for a request; the caller writes and closes it. */
	static XSSFWorkbook write(Request request) {
		return new TemplateWriter().build(request);
	}

	private XSSFWorkbook build(Request request) {
		RulePack pack = request.pack();
		Framework framework = pack.framework();
		TemplateLayout layout = TemplateLayout.of(pack);
		XSSFSheet front = this.workbook.createSheet(TemplateLayout.FRONT);
		List<XSSFSheet> standardSheets = new ArrayList<>();
		for (Framework.Standard standard : framework.standards()) {
			standardSheets.add(this.workbook.createSheet(layout.sheetByStandard().get(standard.id())));
		}
		XSSFSheet actions = this.workbook.createSheet(TemplateLayout.ACTIONS);
		XSSFSheet outstanding = this.workbook.createSheet(TemplateLayout.OUTSTANDING);
		XSSFSheet guidance = this.workbook.createSheet(TemplateLayout.GUIDANCE);
		XSSFSheet record = this.workbook.createSheet(TemplateLayout.RECORD);

		// the lists the drop-downs offer, on the record sheet (a list written into a validation is limited to 255 characters)
		List<List<String>> lists = new ArrayList<>();
		int listRow = 0;
		Map<String, String> listRanges = new LinkedHashMap<>();
		listRanges.put("levels", range(listRow, framework.scale().levels().size()));
		framework.scale().levels().forEach((level) -> lists.add(List.of("level", level.code(), level.label())));
		listRow += framework.scale().levels().size();
		listRanges.put("sectors", range(listRow, TemplateLayout.SECTORS.size()));
		TemplateLayout.SECTORS.forEach((sector) -> lists.add(List.of("sector", sector, sector)));
		listRow += TemplateLayout.SECTORS.size();
		List<String> itemIds = framework.standards().stream().flatMap((s) -> s.items().stream()).map(Framework.Item::id).toList();
		listRanges.put("items", range(listRow, itemIds.size()));
		itemIds.forEach((id) -> lists.add(List.of("list-item", id, id)));
		listRow += itemIds.size();
		listRanges.put("standards", range(listRow, framework.standards().size()));
		framework.standards().forEach((s) -> lists.add(List.of("list-standard", s.id(), s.id())));

		Map<String, String> frontCells = front(front, request, listRanges.get("sectors"));
		List<TemplateRecord.ItemRow> items = new ArrayList<>();
		for (int i = 0; i < framework.standards().size(); i++) {
			standard(standardSheets.get(i), framework, framework.standards().get(i), layout, request.carried(), listRanges.get("levels"), items);
		}
		int[] actionRows = actions(actions, framework, request.carried(), listRanges);
		outstanding(outstanding);
		guidance(guidance, pack, layout, request.readme());

		Map<String, String> fieldColumns = new LinkedHashMap<>();
		layout.fields().forEach((field) -> fieldColumns.put(field.key(), CellReference.convertNumToColString(layout.column(field))));
		Map<String, String> actionColumns = new LinkedHashMap<>();
		for (int i = 0; i < TemplateLayout.ACTION_FIELDS.size(); i++) {
			actionColumns.put(TemplateLayout.ACTION_FIELDS.get(i), CellReference.convertNumToColString(i));
		}
		TemplateRecord facts = new TemplateRecord(TemplateRecord.FORMAT, pack.id(), pack.version(), request.cycleId(), request.agencyId(),
				request.made(), fieldColumns, frontCells, items, TemplateLayout.ACTIONS, actionRows[0], actionRows[1], actionColumns,
				TemplateLayout.OUTSTANDING, "A4");
		// the lists first (their ranges are fixed above), the record below them
		List<List<String>> rows = new ArrayList<>(lists);
		rows.addAll(facts.rows());
		for (int r = 0; r < rows.size(); r++) {
			Row row = record.createRow(r);
			List<String> values = rows.get(r);
			for (int c = 0; c < values.size(); c++) {
				row.createCell(c).setCellValue(values.get(c));
			}
		}
		record.protectSheet("");
		this.workbook.setSheetVisibility(this.workbook.getSheetIndex(record), SheetVisibility.VERY_HIDDEN);
		this.workbook.setActiveSheet(0);
		var properties = this.workbook.getProperties();
		properties.getCoreProperties().setTitle("Section 11 return: " + framework.partnership().name());
		properties.getCoreProperties().setCreator("S11 Evaluator");
		properties.getCustomProperties().addProperty("s11.format", TemplateRecord.FORMAT);
		properties.getCustomProperties().addProperty("s11.pack", pack.id());
		properties.getCustomProperties().addProperty("s11.pack-version", pack.version());
		if (request.cycleId() != null) {
			properties.getCustomProperties().addProperty("s11.cycle", request.cycleId());
		}
		return this.workbook;
	}

	/** A range of the record sheet's third column (the lists' labels), absolute, for a validation. */
	private static String range(int firstRow, int count) {
		return "'" + TemplateLayout.RECORD + "'!$C$" + (firstRow + 1) + ":$C$" + (firstRow + count);
	}

	private Map<String, String> front(XSSFSheet sheet, Request request, String sectors) {
		Framework framework = request.pack().framework();
		cell(sheet, 0, 0, "Section 11 return: " + framework.partnership().name(), this.title);
		paragraph(sheet, 1, "Audit tool: " + framework.source() + " (rule pack " + request.pack().id() + ", version "
				+ request.pack().shortVersion() + ")", 2, 136);
		paragraph(sheet, 2, "Fill in the yellow cells on this sheet, then on each " + framework.levels().group() + "'s sheet, the "
				+ TemplateLayout.ACTIONS + " and " + TemplateLayout.OUTSTANDING + ". Guidance is on the last sheet. Send the saved workbook back as it is.",
				2, 136);
		cell(sheet, 3, 0, "Partnership", this.heading);
		cell(sheet, 3, 1, framework.partnership().name(), this.text);
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 0; i < TemplateLayout.FRONT_FIELDS.size(); i++) {
			String[] field = TemplateLayout.FRONT_FIELDS.get(i);
			int row = TemplateLayout.FRONT_FIRST_ROW - 1 + i;
			cell(sheet, row, 0, field[1], this.heading);
			String value = switch (field[0]) {
				case "cycle" -> request.cycleId();
				case "agency.id" -> request.agencyId();
				case "agency.name" -> request.agencyName();
				case "agency.sector" -> request.agencySector();
				default -> null;
			};
			boolean fixed = value != null && (field[0].equals("cycle") || field[0].equals("agency.id"));
			CellStyle style = fixed ? this.text : field[0].equals("submittedAt") ? this.answerDate : this.answerText;
			Cell cell = sheet.getRow(row).createCell(1);
			cell.setCellStyle(style);
			if (value != null) {
				cell.setCellValue(value);
			}
			cell(sheet, row, 2, field[2], this.text);
			cells.put(field[0], new CellReference(row, 1).formatAsString());
			if (field[0].equals("agency.sector")) {
				list(sheet, sectors, row, row, 1, "Sector", "Choose a sector from the list.");
			}
		}
		sheet.setColumnWidth(0, 26 * 256);
		sheet.setColumnWidth(1, 50 * 256);
		sheet.setColumnWidth(2, 60 * 256);
		protect(sheet);
		return cells;
	}

	private void standard(XSSFSheet sheet, Framework framework, Framework.Standard standard, TemplateLayout layout, Carried carried,
			String levels, List<TemplateRecord.ItemRow> items) {
		String group = TemplateLayout.capitalised(framework.levels().group());
		String line = TemplateLayout.capitalised(framework.levels().line());
		int last = layout.column(layout.fields().get(layout.fields().size() - 1));
		int width = 9 + 60 + 18 + layout.fields().stream().mapToInt(Field::width).sum();
		cell(sheet, 0, 0, group + " " + standard.id() + ": " + standard.title(), this.title);
		if (standard.question() != null) {
			paragraph(sheet, 1, standard.question(), last, width);
		}
		List<String> labels = framework.scale().levels().stream().map(Framework.Level::label).toList();
		paragraph(sheet, 2, "Rate each " + framework.levels().line() + " from the list (" + String.join("; ", labels)
				+ ") and give your evidence. Leave a " + framework.levels().line() + " blank only if you cannot answer it yet: it is reported as not answered.",
				last, width);
		int headings = TemplateLayout.HEADING_ROW - 1;
		cell(sheet, headings, TemplateLayout.ID_COLUMN, line, this.heading);
		cell(sheet, headings, TemplateLayout.TEXT_COLUMN, "The " + framework.levels().line(), this.heading);
		cell(sheet, headings, TemplateLayout.CARRIED_COLUMN, "Carried forward", this.heading);
		layout.fields().forEach((field) -> cell(sheet, headings, layout.column(field), field.heading(), this.heading));
		int row = headings + 1;
		for (Framework.Item item : standard.items()) {
			cell(sheet, row, TemplateLayout.ID_COLUMN, item.id(), this.text);
			cell(sheet, row, TemplateLayout.TEXT_COLUMN, item.text(), this.text);
			ItemResponse earlier = (carried != null) ? carried.answers().get(item.id()) : null;
			cell(sheet, row, TemplateLayout.CARRIED_COLUMN, (earlier != null) ? "Carried forward from " + carried.cycleId()
					+ ": check and update it" : "", this.carriedStyle);
			for (Field field : layout.fields()) {
				Cell cell = sheet.getRow(row).createCell(layout.column(field));
				cell.setCellStyle((field == Field.LAST_REVIEWED) ? this.answerDate : this.answerText);
				if (earlier != null) {
					carry(cell, field, earlier, framework);
				}
			}
			int lines = Math.max(lines(item.text(), 60), (earlier != null) ? lines("Carried forward from " + carried.cycleId() + ": check and update it", 18) : 1);
			sheet.getRow(row).setHeightInPoints(Math.min(409, 15f * lines + 3));
			items.add(new TemplateRecord.ItemRow(item.id(), standard.id(), sheet.getSheetName(), row + 1, TemplateRecord.hash(item.text())));
			row++;
		}
		if (!standard.items().isEmpty()) {
			list(sheet, levels, headings + 1, row - 1, layout.column(Field.RATING), "Rating",
					"Choose one of: " + String.join(", ", framework.scale().levels().stream().map(Framework.Level::label).toList()));
		}
		sheet.setColumnWidth(TemplateLayout.ID_COLUMN, 9 * 256);
		sheet.setColumnWidth(TemplateLayout.TEXT_COLUMN, 60 * 256);
		sheet.setColumnWidth(TemplateLayout.CARRIED_COLUMN, 18 * 256);
		layout.fields().forEach((field) -> sheet.setColumnWidth(layout.column(field), field.width() * 256));
		sheet.createFreezePane(0, TemplateLayout.HEADING_ROW);
		protect(sheet);
	}

	/** An earlier answer, as the agency gave it, in its cell. */
	private static void carry(Cell cell, Field field, ItemResponse earlier, Framework framework) {
		switch (field) {
			case RATING -> framework.scale().level(earlier.rating()).ifPresent((level) -> cell.setCellValue(level.label()));
			case EVIDENCE -> setText(cell, earlier.evidenceText());
			case LINKS -> setText(cell, earlier.evidenceLinks().isEmpty() ? null : String.join("\n", earlier.evidenceLinks()));
			case NA_REASON -> setText(cell, earlier.naReason());
			case STATEMENT -> setText(cell, earlier.statement());
			case LAST_REVIEWED -> {
				if (earlier.lastReviewed() != null) {
					cell.setCellValue(earlier.lastReviewed());
				}
			}
			default -> {
			}
		}
	}

	private static void setText(Cell cell, String text) {
		if (text != null) {
			cell.setCellValue(text);
		}
	}

	/** The action plan: carried-forward open actions first, then blank rows; returns its first and last rows (1-based). */
	private int[] actions(XSSFSheet sheet, Framework framework, Carried carried, Map<String, String> lists) {
		cell(sheet, 0, 0, TemplateLayout.ACTIONS, this.title);
		paragraph(sheet, 1, "One action a row: the " + framework.levels().line() + " it answers (or, for a whole "
				+ framework.levels().group() + ", the " + framework.levels().group() + "), what will be done, who leads it and by when."
				+ " Actions carried forward are the ones still open from the last cycle: update their progress, or give the date each was completed.",
				7, 198);
		int headings = TemplateLayout.ACTIONS_HEADING_ROW - 1;
		for (int c = 0; c < TemplateLayout.ACTION_HEADINGS.size(); c++) {
			cell(sheet, headings, c, TemplateLayout.ACTION_HEADINGS.get(c), this.heading);
		}
		int first = headings + 1;
		int row = first;
		Map<String, Framework.Standard> standards = framework.standardByItemId();
		if (carried != null) {
			for (AgencyAction action : carried.openActions()) {
				boolean known = (action.itemId() != null) ? standards.containsKey(action.itemId())
						: action.standardId() != null && framework.standard(action.standardId()).isPresent();
				if (!known) {
					continue; // an action for an item the pack no longer has cannot be answered in this template
				}
				actionRow(sheet, row);
				Row r = sheet.getRow(row);
				setText(r.getCell(0), action.itemId());
				setText(r.getCell(1), (action.itemId() == null) ? action.standardId() : null);
				setText(r.getCell(2), action.action());
				setText(r.getCell(3), action.lead());
				if (action.due() != null) {
					r.getCell(4).setCellValue(action.due());
				}
				setText(r.getCell(5), action.progress());
				cell(sheet, row, 7, "Carried forward from " + carried.cycleId() + " (action " + action.number() + ")", this.carriedStyle);
				row++;
			}
		}
		int last = row + TemplateLayout.BLANK_ACTION_ROWS - 1;
		for (; row <= last; row++) {
			actionRow(sheet, row);
		}
		list(sheet, lists.get("items"), first, last, 0, "Item", "Choose an item of the framework, or leave it blank for an action on a whole standard.");
		list(sheet, lists.get("standards"), first, last, 1, "Standard", "Choose a standard of the framework.");
		int[] widths = { 10, 16, 50, 24, 14, 40, 14, 30 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
		sheet.createFreezePane(0, TemplateLayout.ACTIONS_HEADING_ROW);
		protect(sheet);
		return new int[] { first + 1, last + 1 };
	}

	private void actionRow(XSSFSheet sheet, int row) {
		Row r = (sheet.getRow(row) != null) ? sheet.getRow(row) : sheet.createRow(row);
		for (int c = 0; c < TemplateLayout.ACTION_FIELDS.size(); c++) {
			String field = TemplateLayout.ACTION_FIELDS.get(c);
			r.createCell(c).setCellStyle((field.equals("due") || field.equals("completed")) ? this.answerDate : this.answerText);
		}
	}

	private void outstanding(XSSFSheet sheet) {
		cell(sheet, 0, 0, TemplateLayout.OUTSTANDING, this.title);
		cell(sheet, 1, 0, "Practice your agency offers as an example to others (optional).", this.text);
		cell(sheet, 2, 0, "Your example", this.heading);
		Cell cell = sheet.createRow(3).createCell(0);
		cell.setCellStyle(this.answerText);
		sheet.getRow(3).setHeightInPoints(300);
		sheet.setColumnWidth(0, 120 * 256);
		protect(sheet);
	}

	private void guidance(XSSFSheet sheet, RulePack pack, TemplateLayout layout, String readme) {
		Framework framework = pack.framework();
		int row = 0;
		cell(sheet, row++, 0, "Guidance: " + framework.partnership().name(), this.title);
		cell(sheet, row++, 0, "The rating scale: " + framework.scale().name(), this.heading);
		for (Framework.Level level : framework.scale().levels()) {
			cell(sheet, row++, 0, level.label() + ((level.meaning() != null) ? ": " + level.meaning() : ""), this.text);
		}
		row++;
		cell(sheet, row++, 0, "The columns", this.heading);
		for (Field field : layout.fields()) {
			cell(sheet, row++, 0, field.heading() + ": " + explanation(field), this.text);
		}
		row++;
		cell(sheet, row++, 0, "The " + framework.levels().groups(), this.heading);
		for (Framework.Standard standard : framework.standards()) {
			cell(sheet, row++, 0, TemplateLayout.capitalised(framework.levels().group()) + " " + standard.id() + ": " + standard.title()
					+ ((standard.note() != null) ? " (" + standard.note() + ")" : ""), this.text);
		}
		if (readme != null && !readme.isBlank()) {
			row++;
			cell(sheet, row++, 0, "About this audit tool (from the rule pack's README)", this.heading);
			for (String line : readme.lines().toList()) {
				String plain = line.replaceAll("^#+\\s*", "").replace("**", "").replace("`", "").strip();
				if (!plain.isEmpty() && !plain.startsWith("```") && row < SpreadsheetVersion.EXCEL2007.getMaxRows() - 1) {
					cell(sheet, row++, 0, plain.length() > 32_000 ? plain.substring(0, 32_000) : plain, this.text);
				}
			}
		}
		sheet.setColumnWidth(0, 120 * 256);
		for (Row line : sheet) {
			if (line.getRowNum() > 0 && line.getCell(0) != null) {
				line.setHeightInPoints(Math.min(409, 15f * lines(line.getCell(0).getStringCellValue(), 120) + 3));
			}
		}
		protect(sheet);
	}

	private static String explanation(Field field) {
		switch (field) {
			case RATING:
				return "choose from the list; the partnership's rules judge each answer by it.";
			case EVIDENCE:
				return "what shows the answer is true: documents, audits, figures.";
			case LINKS:
				return "addresses of the evidence (intranet or web), one a line.";
			case NA_REASON:
				return "why the line does not apply to your agency, when you answer N/A.";
			case LAST_REVIEWED:
				return "when the arrangement was last reviewed, as a date (14/03/2025).";
			case STATEMENT:
				return "your statement of how the agency meets the line.";
			default:
				return "";
		}
	}

	private void list(XSSFSheet sheet, String range, int firstRow, int lastRow, int column, String title, String message) {
		XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
		DataValidationConstraint constraint = helper.createFormulaListConstraint(range);
		DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, column, column));
		validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
		validation.setShowErrorBox(true);
		validation.createErrorBox(title, message);
		validation.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
		validation.setEmptyCellAllowed(true);
		sheet.addValidationData(validation);
	}

	/** A paragraph across the sheet's columns (merged, wrapped), its row as high as its lines need. */
	private void paragraph(XSSFSheet sheet, int row, String text, int lastColumn, int widthChars) {
		cell(sheet, row, 0, text, this.text);
		if (lastColumn > 0) {
			sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row, row, 0, lastColumn));
		}
		sheet.getRow(row).setHeightInPoints(Math.min(409, 15f * lines(text, widthChars) + 3));
	}

	/** About how many lines a text takes in a column this many characters wide. */
	private static int lines(String text, int widthChars) {
		int lines = 0;
		for (String paragraph : text.split("\n", -1)) {
			lines += Math.max(1, (int) Math.ceil(paragraph.length() * 1.1 / Math.max(1, widthChars - 2)));
		}
		return lines;
	}

	private static void protect(XSSFSheet sheet) {
		// printed landscape, one page wide, as many pages long as it takes
		sheet.getPrintSetup().setLandscape(true);
		sheet.setFitToPage(true);
		sheet.getPrintSetup().setFitWidth((short) 1);
		sheet.getPrintSetup().setFitHeight((short) 0);
		sheet.protectSheet("");
		sheet.lockFormatColumns(false);
		sheet.lockFormatRows(false);
		sheet.lockSelectLockedCells(false);
		sheet.lockSelectUnlockedCells(false);
	}

	private static void cell(XSSFSheet sheet, int row, int column, String value, CellStyle style) {
		Row r = (sheet.getRow(row) != null) ? sheet.getRow(row) : sheet.createRow(row);
		Cell cell = r.createCell(column);
		if (value != null) {
			cell.setCellValue(value);
		}
		cell.setCellStyle(style);
	}

}

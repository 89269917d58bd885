package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePackException;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ConvertedReturn;
import org.s11evaluator.submission.ImportProblem;
import org.s11evaluator.submission.ReturnConverter;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Reads a filled-in workbook made by {@code template} as the JSON return it stands for, for the import
 * ({@link ReturnConverter}): it is then validated, checked and stored exactly as a JSON return is. Every problem
 * names its sheet and cell ({@code Standard 6!D14}) in words an agency's safeguarding lead can act on. Nothing in
 * a workbook is ever evaluated: a formula is refused naming its cell (its cached result is not taken either),
 * and macros, links to other workbooks, data connections and embedded objects are refused before anything is
 * read ({@link WorkbookSafety}); sheets are read as they stream past, within bounded memory ({@link SheetCells}).
 */
@Component
public class WorkbookReturns implements ReturnConverter {

	/** The largest workbook accepted, checked before it is opened. */
	static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	/** Cells read from one sheet at most: a template's sheet has a few hundred. */
	static final int MAX_CELLS_PER_SHEET = 20_000;

	/** Actions an action plan may hold. */
	static final int MAX_ACTIONS = 1_000;

	/** Problems reported for one workbook at most (then how many more). */
	static final int MAX_PROBLEMS = 100;

	private static final Pattern ITEM_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

	private final RulePacks packs;

	private final ObjectMapper json;

	WorkbookReturns(RulePacks packs, ObjectMapper json) {
		this.packs = packs;
		this.json = json;
		// every part POI unpacks is measured as it is read, whatever sizes the zip declares (zip bombs)
		ZipSecureFile.setMaxEntrySize(WorkbookSafety.MAX_PART_BYTES + 1024 * 1024);
		ZipSecureFile.setMinInflateRatio(0.01);
	}

	@Override
	public boolean reads(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
	}

	@Override
	public ConvertedReturn convert(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xls")) {
			return refused("the file is in the old Excel 97-2003 format (.xls): open it and save it as an Excel Workbook (.xlsx)");
		}
		if (name.endsWith(".xlsm")) {
			return refused("the file is a macro-enabled workbook (.xlsm): macros are never run or read; save it as an Excel"
					+ " Workbook (.xlsx) and send that");
		}
		try {
			long size = Files.size(file);
			if (size > MAX_FILE_BYTES) {
				return refused("the file is " + WorkbookSafety.megabytes(size) + "; a workbook return may be at most "
						+ WorkbookSafety.megabytes(MAX_FILE_BYTES));
			}
		}
		catch (IOException ex) {
			return refused("cannot be read: " + ex.getMessage());
		}
		List<String> unsafe = WorkbookSafety.check(file);
		if (!unsafe.isEmpty()) {
			return ConvertedReturn.refused("file", unsafe.stream().map((reason) -> new ImportProblem("file", null, reason)).toList());
		}
		try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			return read(workbook);
		}
		catch (IOException | OpenXML4JException | SAXException | RuntimeException ex) {
			return refused(unreadable(ex));
		}
	}

	/** Why POI could not read the workbook, in plain words (its zip-bomb guard's message among them). */
	private static String unreadable(Exception ex) {
		if (ex instanceof Refused) {
			return ex.getMessage();
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			if (message.contains("Zip bomb") && message.contains("ratio")) {
				return "a part of the workbook is packed far more tightly than a real workbook ever is (a zip bomb): it was refused"
						+ " before being unpacked";
			}
			if (message.contains("Zip bomb") || message.contains("exceed the max size")) {
				return "a part of the workbook unpacks to more than " + WorkbookSafety.megabytes(WorkbookSafety.MAX_PART_BYTES)
						+ " (its zip declared less): it was refused before being unpacked";
			}
		}
		return "the file cannot be read as an Excel workbook (.xlsx): " + ex.getMessage();
	}

	private static ConvertedReturn refused(String reason) {
		return ConvertedReturn.refused("file", List.of(new ImportProblem("file", null, reason)));
	}

	private ConvertedReturn read(OPCPackage workbook) throws IOException, OpenXML4JException, SAXException {
		XSSFReader reader = new XSSFReader(workbook);
		ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
		boolean date1904;
		try (InputStream in = reader.getWorkbookData()) {
			String head = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
			date1904 = Pattern.compile("date1904\\s*=\\s*\"(1|true)\"").matcher(head).find();
		}
		Map<String, PackagePart> parts = new LinkedHashMap<>();
		XSSFReader.SheetIterator sheets = reader.getSheetIterator();
		while (sheets.hasNext()) {
			sheets.next().close();
			parts.put(sheets.getSheetName(), sheets.getSheetPart());
		}
		PackagePart recordPart = parts.get(TemplateLayout.RECORD);
		if (recordPart == null) {
			return refused("this workbook was not made by the template command (it has no \"" + TemplateLayout.RECORD + "\" sheet):"
					+ " make the partnership's template with 's11-evaluator template' and copy the answers into it");
		}
		TemplateRecord record = TemplateRecord.parse(rows(cells(TemplateLayout.RECORD, recordPart, strings).cells()));
		if (record == null) {
			return refused("the workbook's \"" + TemplateLayout.RECORD + "\" sheet, which records how the template was made, has been"
					+ " changed and cannot be read: copy the answers into a new template");
		}
		RulePack pack;
		try {
			pack = this.packs.load(record.pack());
		}
		catch (RulePackException ex) {
			return refused("the workbook is a template of the rule pack \"" + record.pack() + "\", which cannot be read now: "
					+ ex.getMessage());
		}
		Map<String, Map<String, SheetCells.Cell>> cells = new LinkedHashMap<>();
		List<ImportProblem> problems = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		expected.add(TemplateLayout.FRONT);
		record.items().forEach((item) -> {
			if (!expected.contains(item.sheet())) {
				expected.add(item.sheet());
			}
		});
		expected.add(record.actionsSheet());
		expected.add(record.outstandingSheet());
		List<String> missing = expected.stream().filter((sheet) -> !parts.containsKey(sheet)).toList();
		for (String sheet : expected) {
			PackagePart part = parts.get(sheet);
			if (part != null) {
				SheetCells.Read read = cells(sheet, part, strings);
				cells.put(sheet, read.cells());
				if (read.truncated()) {
					problems.add(new ImportProblem(sheet, null, "the sheet holds more than " + String.format("%,d", MAX_CELLS_PER_SHEET)
							+ " filled cells (it was read no further): a template's sheet has a few hundred; delete the rows added to it"));
				}
			}
		}
		List<String> others = new ArrayList<>(parts.keySet());
		others.removeAll(expected);
		others.remove(TemplateLayout.RECORD);
		others.remove(TemplateLayout.GUIDANCE);
		for (String sheet : missing) {
			problems.add(new ImportProblem("workbook", null, "the sheet \"" + sheet + "\" of the template is missing"
					+ (others.isEmpty() ? "" : " (the workbook has sheets not in the template: " + quoted(others) + ")")
					+ ": a sheet was renamed or deleted; give it back its name \"" + sheet + "\""));
		}
		if (missing.isEmpty()) {
			for (String sheet : others) {
				SheetCells.Read read = cells(sheet, parts.get(sheet), strings);
				if (!read.cells().isEmpty()) {
					SheetCells.Cell first = read.cells().values().iterator().next();
					problems.add(new ImportProblem(sheet + "!" + first.ref(), null, "the sheet \"" + sheet + "\" is not part of the template,"
							+ " so nothing on it would be imported: move its answers into the template's sheets, or delete it"));
				}
			}
		}
		return new WorkbookAnswers(record, pack, cells, date1904, problems).convert(this.json);
	}

	private static SheetCells.Read cells(String sheet, PackagePart part, ReadOnlySharedStringsTable strings) throws IOException {
		try (InputStream in = part.getInputStream()) {
			return SheetCells.read(in, strings, MAX_CELLS_PER_SHEET);
		}
		catch (IOException ex) {
			if (SheetCells.ENTITIES.equals(ex.getMessage())) {
				throw new Refused("the sheet \"" + sheet + "\" " + SheetCells.ENTITIES, ex);
			}
			throw ex;
		}
	}

	/** A workbook refused for a reason said in full. */
	private static final class Refused extends IOException {

		private static final long serialVersionUID = 1L;

		Refused(String reason, Throwable cause) {
			super(reason, cause);
		}

	}

	/** A sheet's cells as rows of text, by position (for the record sheet). */
	private static List<List<String>> rows(Map<String, SheetCells.Cell> cells) {
		TreeMap<Integer, TreeMap<Integer, String>> byRow = new TreeMap<>();
		cells.values().forEach((cell) -> byRow.computeIfAbsent(cell.row(), (r) -> new TreeMap<>()).put(cell.column(), cell.value()));
		List<List<String>> rows = new ArrayList<>();
		for (TreeMap<Integer, String> row : byRow.values()) {
			List<String> values = new ArrayList<>();
			int last = row.isEmpty() ? -1 : row.lastKey();
			for (int c = 0; c <= Math.min(last, 50); c++) {
				values.add(row.getOrDefault(c, ""));
			}
			rows.add(values);
		}
		return rows;
	}

	private static String quoted(List<String> names) {
		return String.join(", ", names.stream().map((n) -> "\"" + n + "\"").toList());
	}

	/** A number as an officer typed it: {@code 6.2}, not {@code 6.2000000000000002} or {@code 6.2E0}. */
	static String plainNumber(String value) {
		if (!ITEM_NUMBER.matcher(value).matches()) {
			return value;
		}
		BigDecimal number = new BigDecimal(value);
		if (number.scale() > 10) {
			number = number.setScale(10, java.math.RoundingMode.HALF_UP);
		}
		return number.stripTrailingZeros().toPlainString();
	}

	/** The JSON text of a document, for the import. */
	static String text(ObjectMapper json, ObjectNode document) {
		try {
			return json.writeValueAsString(document);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

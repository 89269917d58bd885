package org.s11evaluator.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ImportProblem;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.PackReturns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbooks as they really come back, careless or hostile, imported in one folder with good returns: each bad one is
 * rejected with every reason naming its sheet and cell (or refused unread, saying why), and the good ones beside
 * them are imported. Nothing in a workbook is evaluated: a formula is refused, not worked out.
 */
@IntegrationTest
class HostileWorkbooksIntegrationTests {

	private static final String PACK = "pan-sussex";

	private static final String CYCLE = "pan-sussex-hostile";

	/** Area 2's sheet in the zip: the front sheet is sheet1, then one sheet per area in order. */
	private static final String AREA_2 = "xl/worksheets/sheet3.xml";

	@Autowired
	WorkbookTemplates templates;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	CycleManagement cycles;

	@Autowired
	RulePacks packs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseCleaner database;

	@TempDir
	Path folder;

	private Path template;

	private Path returns;

	private Framework framework;

	private int agencies;

	@BeforeEach
	void openCycleAndMakeTheTemplate() throws IOException {
		this.database.clean();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			names.add("Agency " + i);
		}
		this.cycles.open(PackReturns.cycle(this.folder.resolve("cycle"), PACK, CYCLE, names));
		this.framework = this.packs.load(PACK).framework();
		this.template = this.templates.write(Optional.of(PACK), Optional.of(CYCLE), Optional.empty(), this.folder.resolve("template.xlsx")).file();
		this.returns = Files.createDirectories(this.folder.resolve("returns"));
	}

	/** A workbook filled in completely and correctly for the next agency, for a case to spoil. */
	private Filling filled() {
		Filling filling = Filling.open(this.template);
		PackAnswers.of(this.framework, true, filling.hasColumn("Last reviewed"), filling.hasColumn("Statement"))
			.fill(filling.front("Agency id", PackReturns.agency(this.agencies++)), "Agency " + (this.agencies - 1));
		return filling;
	}

	private Path save(Filling filling, String name) {
		try (filling) {
			return filling.saveAs(this.returns.resolve(name));
		}
	}

	@Test
	void eachBadWorkbookIsRejectedNamingItsSheetAndCellAndTheOthersOfTheImportAreImported() throws IOException {
		save(filled(), "a-good.xlsx");
		PackAnswers.of(this.framework, true, true, false).writeJson(this.returns.resolve("b-good.json"), PACK, CYCLE,
				PackReturns.agency(19), "Agency 19");

		Filling wrongRating = filled();
		wrongRating.answer("6.2", "Rating").setCellValue("Amberr");
		String wrongRatingCell = "Area 6!" + wrongRating.answer("6.2", "Rating").getAddress();
		save(wrongRating, "wrong-rating.xlsx");

		Filling missing = filled();
		missing.front("Agency name", "");
		missing.answer("1.2", "Rating").setBlank();
		String missingRatingCell = "Area 1!" + missing.answer("1.2", "Rating").getAddress();
		save(missing, "missing-cells.xlsx");

		Filling extraRows = filled();
		Sheet area2 = extraRows.workbook().getSheet("Area 2");
		int below = area2.getLastRowNum() + 2;
		Row added = area2.createRow(below - 1);
		added.createCell(1).setCellValue("Our own extra standard");
		added.createCell(3).setCellValue("Green");
		save(extraRows, "extra-rows.xlsx");

		Filling renamed = filled();
		renamed.workbook().setSheetName(renamed.workbook().getSheetIndex("Area 6"), "Std 6");
		save(renamed, "renamed-sheet.xlsx");

		Filling formula = filled();
		formula.answer("3.1", "Rating").setCellFormula("IF(TRUE,\"Green\",\"Red\")");
		String formulaCell = "Area 3!" + formula.answer("3.1", "Rating").getAddress();
		save(formula, "formula.xlsx");

		Path linkedSource = save(filled(), "linked-source.tmp");
		Zips.of(linkedSource)
			.add("xl/externalLinks/externalLink1.xml", "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")
			.add("xl/externalLinks/_rels/externalLink1.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath\""
					+ " Target=\"file:///C:/Users/someone/other.xlsx\" TargetMode=\"External\"/></Relationships>")
			.writeTo(this.returns.resolve("external-link.xlsx"));
		Files.delete(linkedSource);

		Files.copy(this.template, this.returns.resolve("macro-enabled.xlsm"));
		Zips.of(this.template).add("xl/vbaProject.bin", "VBA project bytes").writeTo(this.returns.resolve("macros-inside.xlsx"));

		// 400 MB of one byte repeated, declared as such: refused from the sizes the zip declares, never unpacked
		Zips.of(this.template).rowsAtEnd(AREA_2, (original, out) -> repeat(out, ' ', 400L * 1024 * 1024))
			.writeTo(this.returns.resolve("zip-bomb.xlsx"));
		// 15 MB under the part limit, but packed a thousand to one: POI's guard stops it while it is read
		Zips.of(this.template).rowsAtEnd(AREA_2, (original, out) -> repeat(out, ' ', 15L * 1024 * 1024))
			.writeTo(this.returns.resolve("packed-tight.xlsx"));
		// a real 50 MB sheet: rows of text, not one byte repeated
		Zips.of(this.template).rowsAtEnd(AREA_2, (original, out) -> rows(out, 50L * 1024 * 1024))
			.writeTo(this.returns.resolve("huge-sheet.xlsx"));
		// 8 MB of rows under every size limit: streamed, read no further than the cell limit
		Zips.of(this.template).rowsAtEnd(AREA_2, (original, out) -> rows(out, 8L * 1024 * 1024))
			.writeTo(this.returns.resolve("many-rows.xlsx"));
		// an XML entity fetching a local file (XXE): POI's reader refuses the DOCTYPE, so nothing is fetched
		Zips.of(this.template).replace(AREA_2, (original, out) -> out.write(original
			.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
			.replace("</sheetData>", "<row r=\"60\"><c r=\"D60\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData>")
			.getBytes(StandardCharsets.UTF_8))).writeTo(this.returns.resolve("xml-entity.xlsx"));
		Files.writeString(this.returns.resolve("not-a-workbook.xlsx"), "name,rating\n6.2,Amber\n");
		Files.writeString(this.returns.resolve("~$a-good.xlsx"), "Excel's lock file of an open workbook");

		long started = System.nanoTime();
		ImportReport report = this.submissions.importPaths(List.of(this.returns), Optional.of(CYCLE));
		long millis = (System.nanoTime() - started) / 1_000_000;

		Map<String, ImportReport.FileResult> results = report.files().stream()
			.collect(Collectors.toMap((file) -> Path.of(file.source()).getFileName().toString(), (file) -> file));
		assertThat(results.keySet()).as("the lock file is not a return").doesNotContain("~$a-good.xlsx");
		assertThat(results.get("a-good.xlsx").outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
		assertThat(results.get("b-good.json").outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
		assertThat(report.count(ImportReport.Outcome.IMPORTED)).isEqualTo(2);
		assertThat(report.count(ImportReport.Outcome.REJECTED)).isEqualTo(results.size() - 2);

		assertThat(problems(results, "wrong-rating.xlsx")).containsExactly(
				wrongRatingCell + " (item 6.2): rating \"Amberr\" is not one of Green, Amber, Red, N/A");
		assertThat(problems(results, "missing-cells.xlsx")).containsExactlyInAnyOrder(
				"About this return!B7: the agency's name is missing: it must be given",
				missingRatingCell + " (item 1.2): no rating, though other cells of the row are filled in: choose one of Green, Amber, Red, N/A");
		assertThat(problems(results, "extra-rows.xlsx")).singleElement().asString()
			.startsWith("Area 2!B" + below + ": row " + below + " is below the template's last standard");
		assertThat(problems(results, "renamed-sheet.xlsx")).containsExactly("workbook: the sheet \"Area 6\" of the template is missing (the"
				+ " workbook has sheets not in the template: \"Std 6\"): a sheet was renamed or deleted; give it back its name \"Area 6\"");
		assertThat(problems(results, "formula.xlsx")).containsExactly(formulaCell + " (item 3.1): the cell holds a formula"
				+ " (=IF(TRUE,\"Green\",\"Red\")): formulas are never worked out when a return is read; type the rating itself");
		assertThat(problems(results, "external-link.xlsx")).singleElement().asString()
			.startsWith("file: the workbook links to another workbook (\"file:///C:/Users/someone/other.xlsx\"): values from other files are not read");
		assertThat(problems(results, "macro-enabled.xlsm")).singleElement().asString()
			.startsWith("file: the file is a macro-enabled workbook (.xlsm): macros are never run or read");
		assertThat(problems(results, "macros-inside.xlsx")).singleElement().asString()
			.startsWith("file: the workbook contains macros (VBA): macros are never run or read");
		assertThat(problems(results, "zip-bomb.xlsx")).contains("file: the sheet \"Area 2\" is 400 MB once unpacked; a part of a return may"
				+ " be at most 20 MB (a sheet of the template is a few hundred rows: delete the rows added below it)");
		assertThat(problems(results, "packed-tight.xlsx")).containsExactly("file: a part of the workbook is packed far more tightly than a"
				+ " real workbook ever is (a zip bomb): it was refused before being unpacked");
		assertThat(problems(results, "huge-sheet.xlsx")).containsExactly("file: the sheet \"Area 2\" is 50 MB once unpacked; a part of a"
				+ " return may be at most 20 MB (a sheet of the template is a few hundred rows: delete the rows added below it)");
		List<String> manyRows = problems(results, "many-rows.xlsx");
		assertThat(manyRows).first().isEqualTo("Area 2: the sheet holds more than 20,000 filled cells (it was read no further): a"
				+ " template's sheet has a few hundred; delete the rows added to it");
		assertThat(manyRows).anyMatch((p) -> p.startsWith("Area 2!A10: row 10 is below the template's last standard"))
			.last().asString().matches("workbook: and \\d+ more problem\\(s\\) like those above");
		assertThat(manyRows).hasSize(101);
		assertThat(problems(results, "xml-entity.xlsx")).containsExactly("file: the sheet \"Area 2\" declares XML entities (a DOCTYPE),"
				+ " which spreadsheet programs never write: refused unread");
		assertThat(problems(results, "not-a-workbook.xlsx")).singleElement().asString()
			.startsWith("file: the file cannot be opened as an Excel workbook (.xlsx)");
		assertThat(this.jdbc.sql("select count(*) from submission").query(Integer.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from rejected_submission").query(Integer.class).single()).isEqualTo(results.size() - 2);
		assertThat(this.jdbc.sql("""
				select r.location from rejection_reason r join rejected_submission s on s.id = r.rejected_submission_id
				where s.source like '%wrong-rating.xlsx'""").query(String.class).list()).containsExactly(wrongRatingCell);
		assertThat(millis).as("the whole import, hostile files included, in ms").isLessThan(120_000);
	}

	private static List<String> problems(Map<String, ImportReport.FileResult> results, String file) {
		assertThat(results).containsKey(file);
		assertThat(results.get(file).outcome()).as(file).isEqualTo(ImportReport.Outcome.REJECTED);
		return results.get(file).problems().stream().map(ImportProblem::toString).toList();
	}

	private static void repeat(OutputStream out, char c, long bytes) throws IOException {
		byte[] block = new byte[1024 * 1024];
		java.util.Arrays.fill(block, (byte) c);
		for (long written = 0; written < bytes; written += block.length) {
			out.write(block);
		}
	}

	/** Rows of distinct text from row 10 on, to about {@code bytes}. */
	private static void rows(OutputStream out, long bytes) throws IOException {
		long written = 0;
		for (int row = 10; written < bytes; row++) {
			String xml = "<row r=\"" + row + "\"><c r=\"A" + row + "\" t=\"inlineStr\"><is><t>extra line " + row + " "
					+ Integer.toHexString(row * 2654435761L > 0 ? (int) (row * 2654435761L) : row) + "</t></is></c><c r=\"B" + row
					+ "\" t=\"inlineStr\"><is><t>Some words " + (row % 977) + "</t></is></c></row>";
			byte[] bytesOfRow = xml.getBytes(StandardCharsets.UTF_8);
			out.write(bytesOfRow);
			written += bytesOfRow.length;
		}
	}

}

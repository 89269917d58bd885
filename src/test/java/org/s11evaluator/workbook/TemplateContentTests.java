package org.s11evaluator.workbook;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePack;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.rules.RulesSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template of each pack, written to a file and read back as Excel would: every word from the pack, a rating
 * drop-down limited to the pack's scale on every item, answer cells unlocked and the rest protected, the columns
 * the pack's rules read, and the record of the pack and its version on a very hidden sheet and in the workbook's
 * custom properties.
 */
class TemplateContentTests {

	private static final DataFormatter SHOWN = new DataFormatter();

	private final RulePacks packs = new RulePacks(new RulesSettings(Path.of("rules"), 10_000));

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(strings = { "barking-and-dagenham", "pan-london-2012", "pan-sussex", "barnet-section-11", "barnet-vcfs-checklist",
			"cambridgeshire-and-peterborough" })
	void theTemplateIsGeneratedFromThePacksFrameworkWithADropDownOfItsScaleOnEveryItem(String packId) throws Exception {
		RulePack pack = this.packs.load(packId);
		Framework framework = pack.framework();
		Path file = this.folder.resolve(packId + ".xlsx");
		try (XSSFWorkbook written = TemplateWriter.write(new TemplateWriter.Request(pack, null, null, null, null, null,
				Files.readString(Path.of("rules", packId, "README.md")), "2025-03-01T09:00:00Z")); OutputStream out = Files.newOutputStream(file)) {
			written.write(out);
		}
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			String group = framework.levels().group().substring(0, 1).toUpperCase() + framework.levels().group().substring(1);
			List<String> expected = new ArrayList<>(List.of("About this return"));
			framework.standards().forEach((standard) -> expected.add(group + " " + standard.id()));
			expected.addAll(List.of("Action Plan", "Outstanding practice", "Guidance", "s11-template"));
			assertThat(sheets).containsExactlyElementsOf(expected);
			assertThat(workbook.getSheetVisibility(workbook.getSheetIndex("s11-template"))).isEqualTo(SheetVisibility.VERY_HIDDEN);
			assertThat(workbook.getProperties().getCustomProperties().getProperty("s11.pack").getLpwstr()).isEqualTo(packId);
			assertThat(workbook.getProperties().getCustomProperties().getProperty("s11.pack-version").getLpwstr()).isEqualTo(pack.version());
			List<String> labels = framework.scale().levels().stream().map(Framework.Level::label).toList();
			for (Framework.Standard standard : framework.standards()) {
				XSSFSheet sheet = workbook.getSheet(group + " " + standard.id());
				assertThat(sheet.getProtect()).as("protected: " + sheet.getSheetName()).isTrue();
				assertThat(SHOWN.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo(group + " " + standard.id() + ": " + standard.title());
				Row headings = sheet.getRow(3);
				int rating = column(headings, "Rating");
				for (int i = 0; i < standard.items().size(); i++) {
					Row row = sheet.getRow(4 + i);
					assertThat(SHOWN.formatCellValue(row.getCell(0))).isEqualTo(standard.items().get(i).id());
					assertThat(SHOWN.formatCellValue(row.getCell(1))).isEqualTo(standard.items().get(i).text());
					assertThat(row.getCell(1).getCellStyle().getLocked()).as("wording locked").isTrue();
					assertThat(row.getCell(rating).getCellStyle().getLocked()).as("rating unlocked").isFalse();
					assertThat(row.getCell(column(headings, "Evidence")).getCellStyle().getLocked()).isFalse();
				}
				List<? extends DataValidation> validations = sheet.getDataValidations();
				assertThat(validations).singleElement().satisfies((validation) -> {
					CellRangeAddress range = validation.getRegions().getCellRangeAddress(0);
					assertThat(range.getFirstColumn()).isEqualTo(rating);
					assertThat(range.getFirstRow()).isEqualTo(4);
					assertThat(range.getLastRow()).isEqualTo(3 + standard.items().size());
					assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
					assertThat(listValues(workbook, validation.getValidationConstraint().getFormula1())).containsExactlyElementsOf(labels);
				});
			}
			Row headings = workbook.getSheet(group + " " + framework.standards().get(0).id()).getRow(3);
			List<String> columns = new ArrayList<>();
			headings.forEach((cell) -> columns.add(SHOWN.formatCellValue(cell)));
			String rules = String.join("\n", pack.ruleFiles().stream().map(RulePack.RuleFile::content).toList());
			assertThat(columns.contains("Last reviewed (date)")).as("a review date where the rules read one").isEqualTo(rules.contains("astReviewed")
					|| rules.contains("reviewedBefore") || rules.contains("reviewedAfter"));
			assertThat(columns.contains("Reason it does not apply (for N/A)")).isEqualTo(framework.scale().codes().contains("n/a")
					|| rules.contains("aReason"));
			assertThat(columns.contains("Statement")).isEqualTo(rules.contains("statement"));
			assertThat(workbook.getSheet("Action Plan").getProtect()).isTrue();
			assertThat(workbook.getSheet("Action Plan").getRow(3).getCell(2).getCellStyle().getLocked()).isFalse();
			List<String> guidance = new ArrayList<>();
			workbook.getSheet("Guidance").forEach((row) -> guidance.add(SHOWN.formatCellValue(row.getCell(0))));
			assertThat(guidance).contains("The rating scale: " + framework.scale().name());
			String firstReadmeLine = Files.readAllLines(Path.of("rules", packId, "README.md")).get(0).replaceAll("^#+\\s*", "").replace("`", "").replace("**", "").strip();
			assertThat(guidance).contains(firstReadmeLine);
		}
	}

	private static int column(Row headings, String heading) {
		for (var cell : headings) {
			if (SHOWN.formatCellValue(cell).equals(heading)) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError("no column " + heading);
	}

	/** The labels a list validation offers, read from the range its formula names. */
	private static List<String> listValues(XSSFWorkbook workbook, String formula) {
		String sheetName = formula.substring(0, formula.indexOf('!')).replace("'", "");
		CellRangeAddress range = CellRangeAddress.valueOf(formula.substring(formula.indexOf('!') + 1).replace("$", ""));
		List<String> values = new ArrayList<>();
		for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
			values.add(SHOWN.formatCellValue(workbook.getSheet(sheetName).getRow(r).getCell(range.getFirstColumn())));
		}
		return values;
	}

}

package org.s11evaluator.workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbooks across cycles and tools: one filled in and saved by LibreOffice imports; a template for an agency in
 * a cycle that follows an earlier one carries its answers and open actions forward, marked so; a workbook made from
 * an older version of the pack imports where its items still match, naming the differences.
 */
@IntegrationTest
class WorkbookCyclesIntegrationTests {

	private static final DataFormatter SHOWN = new DataFormatter();

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

	@BeforeEach
	void clean() {
		this.database.clean();
	}

	private void openCycle(String id, String opens, String agency, String name) throws Exception {
		Path file = Files.createDirectories(this.folder.resolve(id)).resolve("cycle.yaml");
		Files.writeString(file, "id: " + id + "\npartnership: pan-sussex\ntitle: Cycle " + id + "\nopens: " + opens
				+ "\nreturnDeadline: 2031-03-31\nagencies:\n  - { id: " + agency + ", name: \"" + name + "\" }\n");
		this.cycles.open(file);
	}

	@Test
	void aWorkbookFilledInAndSavedByLibreOfficeImports() throws Exception {
		openCycle("pan-sussex-lo", "2025-01-06", "east-sussex-fire", "East Sussex Fire & Rescue");

		ImportReport report = this.submissions.importPaths(List.of(Path.of("src/test/resources/workbooks/pan-sussex-filled-in-by-libreoffice.xlsx")),
				Optional.empty());

		assertThat(report.files()).singleElement().satisfies((file) -> {
			assertThat(file.problems()).isEmpty();
			assertThat(file.outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
		});
		assertThat(this.jdbc.sql("""
				select s.cycle_id, a.name, s.completed_by_name, s.completed_by_role, s.completed_by_email, s.submitted_at, s.outstanding_practice
				from submission s join agency a on a.id = s.agency_id where s.agency_id = 'east-sussex-fire'""").query().singleRow())
			.containsEntry("cycle_id", "pan-sussex-lo").containsEntry("name", "East Sussex Fire & Rescue")
			.containsEntry("completed_by_name", "Jo Bloggs").containsEntry("completed_by_role", "Safeguarding lead")
			.containsEntry("completed_by_email", "jo.bloggs@example.org")
			.containsEntry("submitted_at", java.time.LocalDateTime.of(2025, 3, 14, 0, 0))
			.containsEntry("outstanding_practice", "Home safety visits include a safeguarding conversation.");
		assertThat(this.jdbc.sql("select item_id, rating, evidence_text, evidence_links, na_reason from item_response order by item_id")
			.query().listOfRows()).extracting((row) -> row.get("item_id") + " " + row.get("rating") + " " + row.get("evidence_text") + " "
					+ row.get("evidence_links") + " " + row.get("na_reason"))
			.containsExactly("1.1 green Board minutes 2024; named director's job description [\"https://intranet.example/s11/board\",\"https://intranet.example/s11/jd\"] null",
					"1.2 amber Designated lead in post; supervision not yet monthly null null",
					"6.2 red DBS checks missing for 3 volunteers null null",
					"9.1 n/a null null We do not provide this service");
		assertThat(this.jdbc.sql("select item_id, action_text, lead_name, due_date from agency_action order by position").query().listOfRows())
			.extracting((row) -> row.get("item_id") + " " + row.get("action_text") + " " + row.get("lead_name") + " " + row.get("due_date"))
			.containsExactly("6.2 Complete DBS checks for all volunteers HR manager 2025-06-30", "1.2 Monthly supervision for the designated lead Head of prevention 2025-09-30");
	}

	@Test
	void aTemplateForAnAgencyInTheNextCycleCarriesForwardItsAnswersAndOpenActionsMarkedAsSo() throws Exception {
		openCycle("sussex-earlier", "2024-01-08", "agency-000", "Agency Zero");
		openCycle("sussex-later", "2025-01-06", "agency-000", "Agency Zero");
		Framework framework = this.packs.load("pan-sussex").framework();
		PackAnswers earlier = PackAnswers.of(framework, true, false, false);
		Path json = earlier.writeJson(this.folder.resolve("earlier/agency-000.json"), "pan-sussex", "sussex-earlier", "agency-000", "Agency Zero");
		assertThat(this.submissions.importPaths(List.of(json), Optional.empty()).count(ImportReport.Outcome.IMPORTED)).isEqualTo(1);

		WorkbookTemplates.Written written = this.templates.write(Optional.empty(), Optional.of("sussex-later"), Optional.of("agency-000"),
				this.folder.resolve("templates"));

		assertThat(written.carriedFrom()).contains("sussex-earlier");
		assertThat(written.answersCarried()).isEqualTo(earlier.answers().size());
		assertThat(written.actionsCarried()).isEqualTo(earlier.plans().size());
		Path filledIn = this.folder.resolve("later/agency-000.xlsx");
		Files.createDirectories(filledIn.getParent());
		try (Filling filling = Filling.open(written.file())) {
			PackAnswers.Answer first = earlier.answers().get(0);
			assertThat(SHOWN.formatCellValue(filling.answer(first.item(), "Rating"))).isEqualTo(first.label());
			assertThat(SHOWN.formatCellValue(filling.answer(first.item(), "Carried forward"))).isEqualTo("Carried forward from sussex-earlier: check and update it");
			String last = framework.standards().get(framework.standards().size() - 1).items().get(framework.standards().get(framework.standards().size() - 1).items().size() - 1).id();
			assertThat(SHOWN.formatCellValue(filling.answer(last, "Carried forward"))).as("not answered last time: nothing carried").isEmpty();
			Sheet plan = filling.workbook().getSheet("Action Plan");
			Row firstAction = plan.getRow(3);
			assertThat(SHOWN.formatCellValue(firstAction.getCell(2))).isEqualTo(earlier.plans().get(0).action());
			assertThat(SHOWN.formatCellValue(firstAction.getCell(7))).isEqualTo("Carried forward from sussex-earlier (action 1)");
			assertThat(SHOWN.formatCellValue(filling.workbook().getSheet("About this return").getRow(5).getCell(1))).isEqualTo("agency-000");
			assertThat(SHOWN.formatCellValue(filling.workbook().getSheet("About this return").getRow(6).getCell(1))).isEqualTo("Agency Zero");
			// the agency confirms what was carried: who completed it, and when
			filling.front("Completed by: name", "Sam Lead").front("Completed by: role", "Named nurse").front("Completed by: e-mail", "sam@example.org")
				.front("Completed by: phone", "01234 567890").front("Sector", "health")
				.frontDate("Date completed", PackAnswers.COMPLETED.plusYears(1)).outstanding(earlier.outstanding());
			filling.saveAs(filledIn);
		}

		ImportReport report = this.submissions.importPaths(List.of(filledIn), Optional.of("sussex-later"));

		assertThat(report.files()).singleElement().satisfies((file) -> assertThat(file.problems()).isEmpty());
		String responses = """
				select item_id, standard_id, rating, statement, evidence_text, evidence_links, na_reason, last_reviewed
				from item_response r join submission s on s.id = r.submission_id where s.cycle_id = ? order by item_id""";
		assertThat(rows(responses, "sussex-later")).isEqualTo(rows(responses, "sussex-earlier")).hasSize(earlier.answers().size());
		String actions = """
				select position, item_id, standard_id, action_text, lead_name, due_date, progress, completed_on
				from agency_action a join submission s on s.id = a.submission_id where s.cycle_id = ? order by position""";
		assertThat(rows(actions, "sussex-later")).isEqualTo(rows(actions, "sussex-earlier")).hasSize(earlier.plans().size());
	}

	@Test
	void aWorkbookFromAnOlderVersionOfThePackImportsTheItemsThatStillMatchAndNamesTheDifferences() throws Exception {
		openCycle("sussex-now", "2025-01-06", "agency-000", "Agency Zero");
		Framework framework = this.packs.load("pan-sussex").framework();
		Path template = this.templates.write(Optional.empty(), Optional.of("sussex-now"), Optional.of("agency-000"), this.folder.resolve("t.xlsx")).file();
		Path old = this.folder.resolve("returns/agency-000.xlsx");
		Files.createDirectories(old.getParent());
		PackAnswers answers = PackAnswers.of(framework, true, false, false);
		try (Filling filling = Filling.open(template)) {
			answers.fill(filling, "Agency Zero");
			// as the template of an earlier version would be: another version, item 1.1 worded otherwise, 6.2 was 6.9 then
			Sheet record = filling.workbook().getSheet("s11-template");
			for (Row row : record) {
				String key = SHOWN.formatCellValue(row.getCell(0));
				String value = SHOWN.formatCellValue(row.getCell(1));
				if (key.equals("version")) {
					row.getCell(1).setCellValue("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
				}
				else if (key.equals("item") && value.equals("1.1")) {
					row.getCell(5).setCellValue("0000000000000000");
				}
				else if (key.equals("item") && value.equals("6.2")) {
					row.getCell(1).setCellValue("6.9");
				}
			}
			filling.answer("6.2", "Rating").getRow().getCell(0).setCellValue("6.9");
			filling.saveAs(old);
		}

		ImportReport report = this.submissions.importPaths(List.of(old), Optional.empty());

		assertThat(report.files()).singleElement().satisfies((file) -> {
			assertThat(file.problems()).isEmpty();
			assertThat(file.outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
			assertThat(file.warnings()).singleElement().asString()
				.startsWith("the workbook was made from an earlier version of the pan-sussex pack (0123456789ab, the pack is now ")
				.contains("the items that still match were imported; the wording of item 1.1 has changed since (answers imported);"
						+ " item 6.9 is no longer in the framework (any answer given was not imported);"
						+ " item 6.2 is new in the framework and not in this workbook (reported as not answered)");
		});
		assertThat(this.jdbc.sql("select item_id from item_response order by item_id").query(String.class).list())
			.contains("1.1").doesNotContain("6.2", "6.9").hasSize(answers.answers().size() - 1);
	}

	private List<Map<String, Object>> rows(String sql, String cycle) {
		return this.jdbc.sql(sql).param(cycle).query().listOfRows();
	}

}

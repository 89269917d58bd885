package org.s11evaluator.workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.rules.Framework;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.PackReturns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each pack: a template generated for an agency of a cycle, filled in as a person would, imported beside the
 * equivalent JSON return of another agency (same name, same answers): the two stored returns are the same, and
 * so is everything the evaluation concludes from them (findings, item and standard ratings, follow-up actions).
 */
@IntegrationTest
class WorkbookRoundTripIntegrationTests {

	@Autowired
	WorkbookTemplates templates;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	CycleManagement cycles;

	@Autowired
	EvaluationManagement evaluation;

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

	@ParameterizedTest
	@ValueSource(strings = { "barking-and-dagenham", "pan-london-2012", "pan-sussex", "barnet-section-11", "barnet-vcfs-checklist",
			"cambridgeshire-and-peterborough" })
	void aFilledInTemplateIsStoredAndEvaluatedExactlyAsTheEquivalentJsonReturn(String pack) throws Exception {
		String cycle = pack + "-wb";
		this.cycles.open(PackReturns.cycle(this.folder.resolve("cycle"), pack, cycle, List.of("Test Agency", "Test Agency")));
		Framework framework = this.packs.load(pack).framework();
		Path template = this.templates.write(Optional.empty(), Optional.of(cycle), Optional.of(PackReturns.agency(1)),
				this.folder.resolve("templates")).file();
		assertThat(template).exists().hasFileName(cycle + "-agency-001-return.xlsx");
		PackAnswers answers;
		Path workbook = this.folder.resolve("returns/agency-001.xlsx");
		Files.createDirectories(workbook.getParent());
		try (Filling filling = Filling.open(template)) {
			answers = PackAnswers.of(framework, filling.hasColumn("Reason it does not apply"), filling.hasColumn("Last reviewed"),
					filling.hasColumn("Statement"));
			answers.fill(filling, "Test Agency");
			filling.saveAs(workbook);
		}
		answers.writeJson(this.folder.resolve("returns/agency-000.json"), pack, cycle, PackReturns.agency(0), "Test Agency");

		ImportReport report = this.submissions.importPaths(List.of(this.folder.resolve("returns")), Optional.of(cycle));

		assertThat(report.files()).extracting(ImportReport.FileResult::outcome, ImportReport.FileResult::problems)
			.containsOnly(org.assertj.core.groups.Tuple.tuple(ImportReport.Outcome.IMPORTED, List.of()));
		assertThat(report.files()).hasSize(2);
		assertThat(rows("""
				select completed_by_name, completed_by_role, completed_by_email, completed_by_phone, submitted_at, outstanding_practice
				from submission where agency_id = ?""", 1)).isEqualTo(rows("""
				select completed_by_name, completed_by_role, completed_by_email, completed_by_phone, submitted_at, outstanding_practice
				from submission where agency_id = ?""", 0)).hasSize(1);
		String responses = """
				select item_id, standard_id, rating, statement, evidence_text, evidence_links, na_reason, last_reviewed
				from item_response r join submission s on s.id = r.submission_id where s.agency_id = ? order by item_id""";
		assertThat(rows(responses, 1)).isEqualTo(rows(responses, 0)).hasSize(answers.answers().size());
		String actions = """
				select position, item_id, standard_id, action_text, lead_name, due_date, progress, completed_on
				from agency_action a join submission s on s.id = a.submission_id where s.agency_id = ? order by position""";
		assertThat(rows(actions, 1)).isEqualTo(rows(actions, 0)).hasSize(answers.plans().size());

		assertThat(this.evaluation.evaluateCycle(cycle, true).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		String findings = """
				select code, item_id, standard_id, message, rule_name from finding f join submission s on s.id = f.submission_id
				where s.agency_id = ? order by code, item_id, standard_id, rule_name, message""";
		assertThat(rows(findings, 1)).isEqualTo(rows(findings, 0)).isNotEmpty();
		String itemRatings = """
				select item_id, standard_id, rag, reason, rule_name from item_rating r join submission s on s.id = r.submission_id
				where s.agency_id = ? order by item_id""";
		assertThat(rows(itemRatings, 1)).isEqualTo(rows(itemRatings, 0)).hasSize(framework.itemCount() - 1); // the last item is not answered
		String standardRatings = """
				select standard_id, rag, reason, rule_name from standard_rating r join submission s on s.id = r.submission_id
				where s.agency_id = ? order by standard_id""";
		assertThat(rows(standardRatings, 1)).isEqualTo(rows(standardRatings, 0));
		String followUps = """
				select item_id, standard_id, owner, due_date, action_text, reason, rule_name from follow_up_action f join submission s on s.id = f.submission_id
				where s.agency_id = ? order by standard_id, item_id, action_text""";
		assertThat(rows(followUps, 1)).isEqualTo(rows(followUps, 0));
		// the two rates differ by construction somewhere (not every answer is the top of the scale)
		assertThat(rows(itemRatings, 1).stream().map((row) -> row.get("rag")).distinct().count()).isGreaterThan(1);

		// the same workbook again changes nothing: its content is the JSON it stands for
		ImportReport again = this.submissions.importPaths(List.of(workbook), Optional.of(cycle));
		assertThat(again.files()).extracting(ImportReport.FileResult::outcome).containsExactly(ImportReport.Outcome.UNCHANGED);
	}

	private List<Map<String, Object>> rows(String sql, int agency) {
		return this.jdbc.sql(sql).param(PackReturns.agency(agency)).query().listOfRows();
	}

}

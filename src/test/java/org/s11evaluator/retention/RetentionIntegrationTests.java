package org.s11evaluator.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditEntry;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.publication.CyclePublication;
import org.s11evaluator.reporting.Editions;
import org.s11evaluator.submission.ImportReport;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.CycleRecords;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.Folders;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention with short periods: the nightly run removes Spring Batch's records of earlier runs and their reports,
 * and the contact details of returns of a closed cycle, each on the audit trail; the published editions still verify.
 */
@IntegrationTest
class RetentionIntegrationTests {

	private static final Path OUTPUT = Folders.temporary("retention-output");

	@DynamicPropertySource
	static void shortPeriods(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
		registry.add("s11.retention.metadata-older-than", () -> "PT2S");
		registry.add("s11.retention.contact-details-after-close", () -> "PT1S");
	}

	@Autowired
	CyclePublication publication;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	Editions editions;

	@Autowired
	AuditTrail audit;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SubmissionImport submissions;

	@BeforeEach
	void samplesEvaluatedAndOneCycleClosed() throws IOException {
		Folders.empty(OUTPUT);
		this.database.clean();
		this.samples.load();
		// two files for the cycle that were rejected, kept with their content: one JSON, one cut short
		String uhsussex = Files.readString(Path.of("samples/pan-sussex-2023/submissions/uhsussex.json"));
		Path rejected = Files.createDirectories(OUTPUT.resolve("rejected"));
		Files.writeString(rejected.resolve("purple.json"), uhsussex.replaceFirst("\"rating\": \"green\"", "\"rating\": \"purple\""));
		Files.writeString(rejected.resolve("cut-short.json"), uhsussex.substring(0, uhsussex.indexOf("\"responses\"")));
		assertThat(this.submissions.importPaths(List.of(rejected), Optional.of("pan-sussex-2023")).count(ImportReport.Outcome.REJECTED))
			.isEqualTo(2);
		assertThat(count("select count(*) from rejected_submission where cycle_id = 'pan-sussex-2023' and content like '%@example.org%'"))
			.isEqualTo(2);
		Folders.empty(rejected);
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		this.publication.close("pan-sussex-2023");
	}

	@Test
	void aNightlyRunRemovesOldRunRecordsAndContactDetailsAndTheEditionStillVerifies() throws InterruptedException {
		// given runs recorded, and a closed cycle whose returns hold their authors' email and phone
		assertThat(count("select count(*) from BATCH_JOB_EXECUTION")).isGreaterThanOrEqualTo(2);
		assertThat(count("select count(*) from run_report")).isGreaterThanOrEqualTo(2);
		assertThat(count("select count(*) from submission where cycle_id = 'pan-sussex-2023' and completed_by_email is not null")).isEqualTo(12);
		Map<String, String> edition = CycleRecords.files(this.editions.folder("pan-sussex-2023", 1));
		Thread.sleep(2_500); // older than both periods

		// when the nightly run comes
		var night = this.evaluation.evaluateOpenCycles();

		// then only this run's own records are left of Spring Batch's and the run reports
		assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForList("select JOB_EXECUTION_ID from BATCH_JOB_EXECUTION", Long.class)).containsExactly(night.getId());
		assertThat(count("select count(*) from BATCH_JOB_INSTANCE")).isEqualTo(1);
		assertThat(count("select count(*) from BATCH_STEP_EXECUTION where JOB_EXECUTION_ID <> " + night.getId())).isZero();
		assertThat(count("select count(*) from BATCH_JOB_EXECUTION_PARAMS where JOB_EXECUTION_ID <> " + night.getId())).isZero();
		assertThat(this.jdbc.queryForList("select job_execution_id from run_report", Long.class)).containsExactly(night.getId());
		// the closed cycle's contact details are gone, from the columns and from the stored documents; names stay
		assertThat(count("""
				select count(*) from submission where cycle_id = 'pan-sussex-2023'
				and (completed_by_email is not null or completed_by_phone is not null or document like '%@example.org%'
				     or document like '%"phone"%')""")).isZero();
		assertThat(count("select count(*) from submission where cycle_id = 'pan-sussex-2023' and completed_by_name is not null")).isEqualTo(12);
		// and from the files of the cycle that were rejected, JSON or not
		assertThat(count("select count(*) from rejected_submission where cycle_id = 'pan-sussex-2023'")).isEqualTo(2);
		assertThat(count("""
				select count(*) from rejected_submission where cycle_id = 'pan-sussex-2023'
				and (content like '%@example.org%' or content like '%01632%')""")).isZero();
		assertThat(count("select count(*) from rejected_submission where cycle_id = 'pan-sussex-2025' and content like '%@example.org%'"))
			.as("an open cycle's rejected files keep theirs").isPositive();
		// the open cycles keep theirs
		assertThat(count("select count(*) from submission where cycle_id = 'pan-sussex-2025' and completed_by_email is not null")).isEqualTo(13);
		// on the audit trail, with why
		assertThat(this.audit.history("pan-sussex-2023")).filteredOn((e) -> e.action() == AuditAction.RETENTION).singleElement()
			.satisfies((e) -> {
				assertThat(e.subject()).isEqualTo("contact details of 12 return(s)");
				assertThat(e.reason()).contains("s11.retention.contact-details-after-close PT1S");
			});
		assertThat(count("select count(*) from audit_event where action = 'RETENTION' and cycle_id is null and detail like '% job instance(s)%'"))
			.isEqualTo(1);
		// and the published edition is untouched and verifies
		assertThat(CycleRecords.files(this.editions.folder("pan-sussex-2023", 1))).isEqualTo(edition);
		assertThat(this.editions.verify("pan-sussex-2023", Optional.empty()).problems()).isEmpty();

		// a second night finds nothing more to remove of the closed cycle
		this.evaluation.evaluateOpenCycles();
		assertThat(this.audit.history("pan-sussex-2023")).filteredOn((e) -> e.action() == AuditAction.RETENTION).extracting(AuditEntry::subject)
			.hasSize(1);
	}

	private int count(String sql) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class);
		return (count != null) ? count : 0;
	}

}

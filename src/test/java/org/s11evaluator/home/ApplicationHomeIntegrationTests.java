package org.s11evaluator.home;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands started from another folder, as cron and systemd start them (issue 11). They found no rules/ and no
 * batch-config/, created an empty embedded database where they started, evaluated nothing and exited 0.
 */
@IntegrationTest
class ApplicationHomeIntegrationTests {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	private Path root;

	private Path somewhere;

	@BeforeEach
	void folders() throws IOException {
		this.database.clean();
		this.root = Files.createDirectories(PROJECT.resolve("target/home-tests/" + UUID.randomUUID()));
		this.somewhere = Files.createDirectories(this.root.resolve("somewhere-else"));
	}

	@AfterEach
	void cleanUp() throws IOException {
		this.database.clean();
		FileSystemUtils.deleteRecursively(this.root);
	}

	@Test
	void aDemoAndANightlyEvaluateStartedFromAnotherFolderWorkInTheHomeAndWriteNothingWhereTheyStarted() throws Exception {
		Path home = copyOfTheCheckout("home", "rules", "batch-config", "samples");

		Result demo = run(home, "demo");
		assertThat(demo.exitCode()).as(demo.output()).isIn(0, 3);
		assertThat(demo.output()).contains("COMPLETED: 50 submission(s) evaluated");
		assertThat(home.resolve("output/pan-sussex-2025/summary.html")).as("the summary, in the home's output folder").exists();
		assertThat(this.jdbc.queryForObject("select count(*) from evaluation", Integer.class)).isEqualTo(50);

		Result nightly = run(home, "evaluate");
		assertThat(nightly.exitCode()).as(nightly.output()).isZero();
		assertThat(nightly.output()).doesNotContain("No rules folder");

		try (Stream<Path> left = Files.list(this.somewhere)) {
			assertThat(left).as("nothing written in the folder the commands started in").isEmpty();
		}
	}

	@Test
	void aNightlyEvaluateWithTheRulesFolderMissingStopsNamingItAndTouchesNothing() throws Exception {
		Path home = copyOfTheCheckout("home", "batch-config");

		Result nightly = run(home, "evaluate");

		assertThat(nightly.exitCode()).as(nightly.output()).isEqualTo(1);
		assertThat(nightly.output()).contains("No rules folder: " + home.resolve("rules") + " does not exist")
			.contains("Nothing was read or changed").doesNotContain("\tat ");
		assertThat(this.jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Integer.class)).as("no run started")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from run_report", Integer.class)).isZero();
	}

	@Test
	void aHomeWithAnEmptyRulesFolderIsRefusedRatherThanEvaluatingNothing() throws Exception {
		Path home = copyOfTheCheckout("home", "batch-config");
		Files.createDirectories(home.resolve("rules/common"));

		Result nightly = run(home, "evaluate");

		assertThat(nightly.exitCode()).as(nightly.output()).isEqualTo(1);
		assertThat(nightly.output()).contains("The rules folder " + home.resolve("rules") + " holds no rule pack");
		assertThat(this.jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Integer.class)).isZero();
	}

	@Test
	void withNoHomeGivenTheCommandFindsTheCheckoutItIsInstalledIn() throws Exception {
		// the classes are in <checkout>/target/classes, as the jar is in <checkout>/target/
		Result check = run(null, "rules", "check", "pan-sussex");

		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("OK   pan-sussex");
	}

	private Path copyOfTheCheckout(String name, String... folders) throws IOException {
		Path home = Files.createDirectories(this.root.resolve(name));
		for (String folder : folders) {
			FileSystemUtils.copyRecursively(PROJECT.resolve(folder), home.resolve(folder));
		}
		return home;
	}

	record Result(int exitCode, String output) {
	}

	/** The real command in its own JVM, started in {@link #somewhere}, with S11_HOME set to the home (if any). */
	private Result run(Path home, String... words) throws Exception {
		TestDatabase.Connection db = TestDatabase.get();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-cp", classPath, "org.s11evaluator.S11Application"));
		command.addAll(List.of(words));
		if (!words[0].equals("rules")) {
			command.addAll(List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
					"--spring.datasource.password=" + db.password(), "--s11.rules.runner.isolated=false"));
		}
		Path log = this.root.resolve("command-" + words[0] + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.somewhere.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().remove(ApplicationHome.VARIABLE);
		if (home != null) {
			builder.environment().put(ApplicationHome.VARIABLE, home.toString());
		}
		Process process = builder.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the command ended (see %s)", log).isTrue();
		return new Result(process.exitValue(), Files.readString(log));
	}

}

package org.s11evaluator.monitoring;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.rules.RulePacks;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.DatabaseLink;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SyntheticReturns;
import org.s11evaluator.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code serve}'s health says after faults (issue 10), asked over HTTP from this machine (so with details):
 * restarted after a run was killed, it is DOWN naming the dead run (it said UP, "no evaluation run yet", until
 * the next scheduled run); with the database gone it answers 503 with its components (it answered 500 with none).
 */
@IntegrationTest
class ServeAfterFaultsIntegrationTests {

	private static final Pattern HEALTH_AT = Pattern.compile("Health at (http://\\S+/actuator/health)");

	@Autowired
	CycleManagement cycles;

	@Autowired
	RulePacks packs;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void aCycleOfReturns() {
		this.database.clean();
		this.cycles.open(Path.of("samples/pan-sussex-2025/cycle.yaml"));
		SyntheticReturns.insert(this.jdbc, "pan-sussex-2025", this.packs.load("pan-sussex").framework(), 40, 7);
	}

	@Test
	void serveRestartedAfterARunWasKilledIsDownAndAnswers503WithComponentsWhenTheDatabaseIsGone() throws Exception {
		try (DatabaseLink link = DatabaseLink.to(TestDatabase.get().url())) {
			// given a run killed mid-evaluation (kill -9), leaving no report
			Path runLog = Path.of("target/serve-fault-test-run.log");
			Process run = start(link, runLog, "evaluate", "--cycle=pan-sussex-2025", "--s11.evaluation.chunk-size=5");
			try {
				long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
				while (count("select count(*) from evaluation") == 0 && System.nanoTime() < deadline && run.isAlive()) {
					Thread.sleep(20);
				}
				assertThat(run.isAlive()).as("the run is still going when killed (see %s)", runLog).isTrue();
			}
			finally {
				run.destroyForcibly().waitFor();
			}
			assertThat(count("select count(*) from run_report")).as("reports of the killed run").isZero();

			// when serve starts again
			Path serveLog = Path.of("target/serve-fault-test-serve.log");
			Process serve = start(link, serveLog, "serve", "--s11.monitoring.port=0", "--s11.schedule.cron=0 0 3 1 1 *");
			try {
				String url = healthUrl(serve, serveLog);

				// then health is DOWN at once, naming the dead run, not UP with "no evaluation run yet"
				HttpResponse<String> health = get(url);
				assertThat(health.statusCode()).as("health after the killed run: %s", health.body()).isEqualTo(503);
				assertThat(health.body()).contains("\"evaluationRuns\"").contains("\"deadRun\"").contains("is gone")
					.doesNotContain("No evaluation run yet");

				// and when the database goes away, health answers 503 DOWN with its components, not 500
				link.cut();
				HttpResponse<String> down = get(url);
				assertThat(down.statusCode()).as("health with the database gone: %s", down.body()).isEqualTo(503);
				assertThat(down.body()).contains("\"db\"").contains("\"evaluationRuns\"").contains("\"status\":\"DOWN\"")
					.contains("the database did not answer");
			}
			finally {
				serve.destroy();
				if (!serve.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
					serve.destroyForcibly().waitFor();
				}
			}
		}
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String healthUrl(Process serve, Path log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			Matcher found = HEALTH_AT.matcher(Files.readString(log));
			if (found.find()) {
				return found.group(1);
			}
			assertThat(serve.isAlive()).as("serve is running (see %s)", log).isTrue();
			Thread.sleep(100);
		}
		throw new AssertionError("serve did not say where its health is within 90 s (see " + log + ")");
	}

	/** A command in its own JVM, reaching the database only through the link. */
	private static Process start(DatabaseLink link, Path output, String... arguments) throws IOException {
		TestDatabase.Connection db = TestDatabase.get();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, "org.s11evaluator.S11Application"));
		command.addAll(List.of(arguments));
		command.addAll(List.of("--s11.reporting.output-directory=target/serve-fault-test-output", "--spring.datasource.hikari.connection-timeout=2000",
				"--s11.database.timeouts.connect=2s", "--spring.datasource.url=" + link.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password()));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
	}

	private int count(String sql) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class);
		return (count != null) ? count : 0;
	}

}

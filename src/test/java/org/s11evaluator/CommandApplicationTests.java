package org.s11evaluator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.s11evaluator.support.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What each command starts, built as {@link S11Application#main} builds it: only {@code serve} has a web
 * server, and it answers health and metrics on the port of {@code s11.monitoring.port}; every other
 * command opens no port and exits.
 */
class CommandApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aOneShotCommandStartsNoWebServerOpensNoPortAndExits() throws IOException {
		int port = freePort();
		SpringApplication application = S11Application.application("runs");
		application.setRegisterShutdownHook(false);

		ConfigurableApplicationContext context = application.run(arguments("runs", "--s11.monitoring.port=" + port));

		assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("127.0.0.1", port).close());
		assertThat(SpringApplication.exit(context)).isZero();
		assertThat(context.isActive()).isFalse();
	}

	@Test
	void serveAnswersHealthAndMetricsOverHttpOnTheMonitoringPort() throws Exception {
		SpringApplication application = S11Application.application("serve");
		application.setRegisterShutdownHook(false);

		try (ConfigurableApplicationContext context = application.run(arguments("serve", "--s11.monitoring.port=0",
				"--s11.schedule.cron=0 0 0 1 1 *"))) {
			assertThat(context).isInstanceOf(WebServerApplicationContext.class);
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(port).isPositive();
			assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.update("delete from run_report");
			report(jdbc, 1, "COMPLETED");

			HttpResponse<String> up = get(port, "/actuator/health");
			assertThat(up.statusCode()).isEqualTo(200);
			assertThat(up.body()).startsWith("{\"status\":\"UP\"").contains("\"evaluationRuns\":{\"status\":\"UP\"", "\"db\":{\"status\":\"UP\"");

			report(jdbc, 2, "FAILED");
			HttpResponse<String> down = get(port, "/actuator/health");
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(down.body()).startsWith("{\"status\":\"DOWN\"").contains("\"evaluationRuns\":{\"status\":\"DOWN\"");

			HttpResponse<String> prometheus = get(port, "/actuator/prometheus");
			assertThat(prometheus.statusCode()).isEqualTo(200);
			assertThat(prometheus.body()).contains("s11_evaluation_submissions_total{", "s11_evaluation_last_success_age_seconds",
					"s11_evaluation_submissions_awaiting");
			assertThat(get(port, "/actuator/metrics/s11.evaluation.submissions").statusCode()).isEqualTo(200);
			assertThat(get(port, "/actuator/info").body()).contains("\"artifact\":\"s11-evaluator\"", "\"java\":{");
			jdbc.update("delete from run_report");
		}
	}

	@Test
	void healthDetailsAreShownOnThisMachineOrWithTheTokenAndOnlyTheStatusToAnyoneElse() throws Exception {
		InetAddress network = nonLoopbackAddress();
		assertThat(network).as("a network address other than the loopback to call from (this test does not skip itself)").isNotNull();
		String token = "c1b7e2f09a4d4e6f8b3a5d7c9e1f0a2b";
		SpringApplication application = S11Application.application("serve");
		application.setRegisterShutdownHook(false);

		try (ConfigurableApplicationContext context = application.run(arguments("serve", "--s11.monitoring.port=0",
				"--s11.monitoring.address=0.0.0.0", "--s11.monitoring.token=" + token, "--s11.schedule.cron=0 0 0 1 1 *"))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();

			HttpResponse<String> local = get("127.0.0.1", port, null);
			HttpResponse<String> remote = get(network.getHostAddress(), port, null);
			HttpResponse<String> remoteWithToken = get(network.getHostAddress(), port, "Bearer " + token);
			HttpResponse<String> remoteWithAnotherToken = get(network.getHostAddress(), port, "Bearer x" + token);

			assertThat(local.body()).contains("\"components\"", "\"evaluationRuns\"", "\"db\"");
			assertThat(remote.statusCode()).isEqualTo(local.statusCode());
			assertThat(remote.body()).matches("\\{\"status\":\"(UP|DOWN|UNKNOWN)\"}");
			assertThat(remoteWithToken.body()).contains("\"components\"", "\"evaluationRuns\"");
			assertThat(remoteWithAnotherToken.body()).doesNotContain("components", "evaluationRuns");
		}
	}

	@Test
	void aWorkerRefusesToStartOnABrokerWithoutTlsOrLogin() {
		SpringApplication application = S11Application.application("worker");
		application.setRegisterShutdownHook(false);

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> application.run(arguments("worker", "--s11.evaluation.remote.enabled=true",
					"--s11.evaluation.remote.broker-url=tcp://127.0.0.1:61616")).close())
			.havingRootCause()
			.withMessageStartingWith("Remote partitioning refuses an unprotected broker: broker-url tcp://127.0.0.1:61616 does not use TLS")
			.withMessageContaining("no broker login")
			.withMessageContaining("insecure-local-test: true");
	}

	private HttpResponse<String> get(String host, int port, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/actuator/health"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An address of this machine on a network (not the loopback), to call the service as another machine would. */
	private static InetAddress nonLoopbackAddress() throws IOException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (address instanceof Inet4Address) {
						return address;
					}
				}
			}
		}
		return null;
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void report(JdbcTemplate jdbc, long id, String status) {
		LocalDateTime now = LocalDateTime.now();
		jdbc.update("""
				insert into run_report (job_execution_id, scope, status, started_at, ended_at, evaluated, skipped, rejected_files,
				  summaries_written) values (?, '*', ?, ?, ?, 0, 0, 0, 0)""", id, status, now.minusMinutes(1), now);
	}

	/** The command line, pointed at the test database. */
	private static String[] arguments(String... command) {
		TestDatabase.Connection db = TestDatabase.get();
		String[] database = { "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password() };
		String[] all = new String[command.length + database.length];
		System.arraycopy(command, 0, all, 0, command.length);
		System.arraycopy(database, 0, all, command.length, database.length);
		return all;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

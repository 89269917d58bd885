package org.s11evaluator.database;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command started with its database down (issue 10): it printed a 137-line trace about a bean. It must say in a
 * few plain lines that the database could not be reached, where, and what to do, and exit non-zero.
 */
class DatabaseUnreachableAtStartTests {

	@Test
	void aCommandStartedWithTheDatabaseDownSaysSoInAFewLinesAndExitsNonZero() throws Exception {
		// given a database address where nothing answers
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Path output = Path.of("target/database-down-at-start.log");

		// when a command starts
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		Process command = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath, "org.s11evaluator.S11Application", "runs",
				"--spring.datasource.url=jdbc:mysql://127.0.0.1:" + port + "/s11?useSSL=false", "--spring.datasource.username=root",
				"--spring.datasource.hikari.connection-timeout=2000"))
			.redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(command.waitFor(60, TimeUnit.SECONDS)).as("the command has ended (see %s)", output).isTrue();

		// then it says so plainly, in under 10 lines, and exits non-zero
		List<String> lines = Files.readAllLines(output).stream().filter((line) -> !line.contains("OpenJDK 64-Bit Server VM warning")).toList();
		assertThat(command.exitValue()).as("exit code (see %s)", output).isNotZero();
		assertThat(String.join("\n", lines)).contains("The database could not be reached at 127.0.0.1:" + port + "/s11")
			.contains("Nothing was read or changed").contains("then run the command again").doesNotContain("\tat ");
		assertThat(lines).as("the output (%s)", output).hasSizeLessThan(10);
	}

}

package org.s11evaluator.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main command: the demo over the bundled samples, as a policy officer would read it. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoCommandIntegrationTests {

	private static final Path OUTPUT = Path.of("target/demo-test-output");

	@DynamicPropertySource
	static void output(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	Commands commands;

	@Autowired
	DatabaseCleaner database;

	@BeforeEach
	void emptyDatabase() {
		this.database.clean();
	}

	@Test
	void demoImportsEvaluatesPrintsAndWritesTheResultsAndSummariesOfAllThreePartnerships(CapturedOutput output) throws IOException {
		this.commands.run(new DefaultApplicationArguments("demo"));

		assertThat(this.commands.getExitCode()).isZero();
		assertThat(output).contains("Evaluation run", "COMPLETED: 50 submission(s) evaluated, 0 could not be evaluated")
			.contains("13 of 14 expected agencies returned; 1 not returned; 3 rejected file(s).")
			.contains("University Hospitals Sussex NHS Foundation Trust", "Standards: 1 G  2 G  3 G  4 G  5 A  6 R  7 G  8 R  9 G")
			.contains("REJECTED samples/pan-sussex-2025/submissions/zz-bad-unknown-item.json: 2 reasons, logged above")
			.contains("REJECTED samples/pan-sussex-2025/submissions/zz-bad-unknown-item.json (agency east-sussex-fire-rescue): 2 reasons, given at its import above")
			.contains("4 return(s) rejected, with their reasons above: the demo shows them and exits 0")
			.contains("Not returned: Probation Service – Barking, Dagenham and Havering PDU");
		JsonNode sussex = new ObjectMapper().readTree(OUTPUT.resolve("pan-sussex-2025/evaluation-results.json").toFile());
		assertThat(sussex.at("/cycle/agencies")).hasSize(13);
		JsonNode finding = sussex.at("/cycle/agencies").findValues("findings").stream().filter((f) -> f.size() > 0).findFirst().orElseThrow().get(0);
		assertThat(finding.get("rule").asText()).startsWith("SUS-");
		assertThat(finding.get("inputs")).isNotEmpty();
		assertThat(sussex.at("/cycle/agencies/0/packVersion").asText()).hasSize(64);
		// the six sample cycles (barnet-2026 with two templates, pan-sussex-2027 with three partnerships)
		assertThat(Files.list(OUTPUT)).hasSize(6);
		assertThat(OUTPUT.resolve("barnet-2026/barnet-vcfs-checklist/summary.html")).isNotEmptyFile();
		assertThat(OUTPUT.resolve("pan-sussex-2027/east-sussex/summary.html")).isNotEmptyFile();
		assertThat(output).contains("Board summaries: open these in a browser", "pan-sussex-2025/summary.html");
		// each rejection reason is reported once (the import's log line; the results name the file and count its reasons),
		// and no font warning nobody can act on
		String reason = "\"purple\" is not one of green, amber, red, n/a (the pan-sussex scale)";
		assertThat(output.toString().split(java.util.regex.Pattern.quote(reason), -1)).hasSize(2);
		assertThat(output).doesNotContain("Using fallback font");
		assertThat(OUTPUT.resolve("pan-sussex-2025/summary.pdf")).isNotEmptyFile();
	}

	@Test
	void anImportReportsEachRejectionReasonOnceAndExitsThree(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("open-cycle", "samples/pan-sussex-2025/cycle.yaml"));
		this.commands.run(new DefaultApplicationArguments("import", "--cycle=pan-sussex-2025", "samples/pan-sussex-2025/submissions"));

		assertThat(this.commands.getExitCode()).isEqualTo(3);
		assertThat(output).contains("13 new, 0 replaced, 0 unchanged, 0 older (not applied), 3 rejected",
				"REJECTED samples/pan-sussex-2025/submissions/zz-bad-wrong-types.json: 7 reasons, logged above");
		assertThat(output.toString().split(java.util.regex.Pattern.quote("line 1, column 1 (agency): is missing: it must be given"), -1)).hasSize(2);

		this.commands.run(new DefaultApplicationArguments("results", "--cycle=pan-sussex-2025"));

		assertThat(this.commands.getExitCode()).isZero();
		assertThat(output).contains("REJECTED samples/pan-sussex-2025/submissions/zz-bad-wrong-types.json:\n    - line ",
				"\n    - line 1, column 1 (agency): is missing: it must be given");
	}

	@Test
	void anUnknownCommandPrintsUsageAndFails(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("evalute"));

		assertThat(this.commands.getExitCode()).isEqualTo(2);
		assertThat(output.getErr()).contains("Unknown command 'evalute'. Did you mean evaluate?", "Usage: s11-evaluator");
	}

}

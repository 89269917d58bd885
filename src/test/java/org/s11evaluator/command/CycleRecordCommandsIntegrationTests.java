package org.s11evaluator.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.Folders;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands of a cycle's record, as an operator types them: close, refuse, verify, reopen, history. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CycleRecordCommandsIntegrationTests {

	private static final Path OUTPUT = Folders.temporary("record-commands-output");

	@DynamicPropertySource
	static void folders(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	Commands commands;

	@Autowired
	DatabaseCleaner database;

	@BeforeEach
	void aCycleWithItsReturns() {
		Folders.empty(OUTPUT);
		this.database.clean();
		run("open-cycle", "samples/pan-sussex-2023/cycle.yaml");
		run("import", "--cycle=pan-sussex-2023", "samples/pan-sussex-2023/submissions");
	}

	@Test
	void aClosedCycleIsRefusedByEveryCommandThatWouldChangeItAndSaysHowToReopen(CapturedOutput output) {
		assertThat(run("close-cycle", "--cycle=pan-sussex-2023")).isZero();
		assertThat(output).contains("Closed cycle pan-sussex-2023: edition 1 published in " + OUTPUT.resolve("pan-sussex-2023/editions/1").toAbsolutePath());

		assertThat(run("evaluate", "--cycle=pan-sussex-2023")).isEqualTo(1);
		assertThat(output).contains("Cycle pan-sussex-2023 is closed (edition 1 published) and is not evaluated again")
			.contains("reopen-cycle --cycle=pan-sussex-2023 --reason=");
		assertThat(run("summary", "--cycle=pan-sussex-2023")).isEqualTo(1);
		assertThat(run("import", "--cycle=pan-sussex-2023", "samples/pan-sussex-2023/submissions/uhsussex.json")).isEqualTo(3);
		assertThat(output).contains("cycle \"pan-sussex-2023\" is closed (edition 1 published); nothing was imported");
		assertThat(run("open-cycle", "samples/pan-sussex-2023/cycle.yaml")).isEqualTo(1);
		assertThat(output).contains("cycle pan-sussex-2023 is closed (edition 1 published); nothing was changed");
		assertThat(run("close-cycle", "--cycle=pan-sussex-2023")).isEqualTo(1);
		assertThat(output).contains("closed already (edition 1");
	}

	@Test
	void verifyEditionNamesEachFileThatDiffersOrIsMissing(CapturedOutput output) throws IOException {
		run("close-cycle", "--cycle=pan-sussex-2023");
		assertThat(run("verify-edition", "--cycle=pan-sussex-2023")).isZero();
		assertThat(output).contains("Edition 1 of pan-sussex-2023 is intact: 5 file(s) match its manifest");

		Path edition = OUTPUT.resolve("pan-sussex-2023/editions/1");
		Files.writeString(edition.resolve("register-of-returns.csv"), "tampered\n", StandardOpenOption.APPEND);
		Files.delete(edition.resolve("improvement-plan.csv"));
		Files.writeString(edition.resolve("extra.txt"), "not published");

		assertThat(run("verify-edition", "--cycle=pan-sussex-2023", "--edition=1")).isEqualTo(1);
		assertThat(output).contains("Edition 1 of pan-sussex-2023 does NOT match its manifest")
			.contains("register-of-returns.csv is ")
			.contains("improvement-plan.csv is missing or unreadable")
			.contains("extra.txt is not in the manifest");
		assertThat(run("verify-edition", "--cycle=pan-sussex-2023", "--edition=7")).isEqualTo(1);
		assertThat(output).contains("edition 7 of pan-sussex-2023 was never published");
	}

	@Test
	void reopeningNeedsAReasonAndTheHistoryShowsEveryStep(CapturedOutput output) {
		run("close-cycle", "--cycle=pan-sussex-2023");
		assertThat(run("reopen-cycle", "--cycle=pan-sussex-2023")).isEqualTo(2);
		assertThat(run("reopen-cycle", "--cycle=pan-sussex-2023", "--reason=Board asked for the late return\nto be included")).isZero();
		assertThat(run("close-cycle", "--cycle=pan-sussex-2023")).isZero();

		assertThat(run("history", "--cycle=pan-sussex-2023")).isZero();

		String history = output.getOut().substring(output.getOut().indexOf("History of cycle pan-sussex-2023, oldest first:"));
		assertThat(history).contains("return imported: samples/pan-sussex-2023/submissions/uhsussex.json (agency uhsussex); by ")
			.contains("evaluation run: evaluation run ")
			.contains("rule-pack version first used: pan-sussex version ")
			.contains("cycle closed: edition 1 (rule pack pan-sussex version ")
			.contains("cycle reopened: after edition 1")
			.contains("why: Board asked for the late return to be included")
			.contains("cycle closed: edition 2");
		assertThat(history.lines().filter((line) -> line.startsWith("  ")).count()).isEqualTo(12 + 1 + 1 + 1 + 1 + 1);
	}

	private int run(String... args) {
		this.commands.run(new DefaultApplicationArguments(args));
		return this.commands.getExitCode();
	}

}

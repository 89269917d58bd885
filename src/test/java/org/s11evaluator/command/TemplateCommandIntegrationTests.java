package org.s11evaluator.command;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code template} on the command line: for an agency of the sample Pan-Sussex 2025 cycle, which follows 2023, the
 * workbook carries forward its 2023 answers; the workbook goes back through {@code import}, whose reasons name
 * the cells still to fill in; slips are refused saying what to give instead.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TemplateCommandIntegrationTests {

	@Autowired
	Commands commands;

	@Autowired
	DatabaseCleaner database;

	@TempDir
	Path folder;

	@BeforeEach
	void theSussexCycles() {
		this.database.clean();
		this.commands.run(new DefaultApplicationArguments("open-cycle", "samples/pan-sussex-2023/cycle.yaml", "samples/pan-sussex-2025/cycle.yaml"));
		this.commands.run(new DefaultApplicationArguments("import", "--cycle=pan-sussex-2023", "samples/pan-sussex-2023/submissions"));
	}

	@Test
	void templateForAnAgencyOfACycleCarriesForwardItsLastAnswersAndTheWorkbookImportsNamingTheCellsToFillIn(CapturedOutput output) {
		this.commands.run(new DefaultApplicationArguments("template", "--cycle=pan-sussex-2025", "--agency=sussex-police",
				"--out=" + this.folder));

		assertThat(this.commands.getExitCode()).isZero();
		Path workbook = this.folder.resolve("pan-sussex-2025-sussex-police-return.xlsx");
		assertThat(workbook).exists();
		assertThat(output.getOut()).contains("Template of pan-sussex for cycle pan-sussex-2025, agency sussex-police: " + workbook.toAbsolutePath(),
				"  carried forward from pan-sussex-2023: ");
		assertThat(this.folder.toFile().list()).as("written atomically: no temporary file left").containsExactly(workbook.getFileName().toString());

		this.commands.run(new DefaultApplicationArguments("import", "--cycle=pan-sussex-2025", workbook.toString()));

		assertThat(this.commands.getExitCode()).isEqualTo(3);
		assertThat(output.getOut()).contains("About this return!B9: the name of who completed the return is missing: it must be given",
				"About this return!B13: the date completed is missing");
	}

	@Test
	void templateSlipsAreRefusedSayingWhatToGive(CapturedOutput output) throws Exception {
		this.commands.run(new DefaultApplicationArguments("template", "--pack=no-such-pack", "--out=" + this.folder));
		assertThat(this.commands.getExitCode()).isEqualTo(1);
		this.commands.run(new DefaultApplicationArguments("template", "--pack=pan-sussex", "--agency=sussex-police", "--out=" + this.folder));
		assertThat(this.commands.getExitCode()).isEqualTo(1);
		this.commands.run(new DefaultApplicationArguments("template", "--pack=pan-london-2012", "--cycle=pan-sussex-2025", "--out=" + this.folder));
		assertThat(this.commands.getExitCode()).isEqualTo(1);

		assertThat(output.getOut()).contains("FAILED: Rule pack 'no-such-pack' cannot be used", "no rule pack 'no-such-pack' in ", "FAILED: --agency needs --cycle",
				"FAILED: Cycle pan-sussex-2025 is judged by the pack pan-sussex, not pan-london-2012: leave --pack out, or give --pack=pan-sussex");
		try (var files = Files.list(this.folder)) {
			assertThat(files).isEmpty();
		}
	}

}

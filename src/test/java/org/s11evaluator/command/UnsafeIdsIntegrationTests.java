package org.s11evaluator.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.reporting.CycleResultsQuery;
import org.s11evaluator.reporting.CycleSummaries;
import org.s11evaluator.reporting.JsonResultsExport;
import org.s11evaluator.reporting.ReportingSettings;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SussexReturns;
import org.s11evaluator.yaml.BillionLaughs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Ids that are paths ({@code ../../x}, absolute ones) are refused where they enter, by file and field or by option,
 * and even one already stored in the database cannot send a summary, a CSV or a results file outside the output
 * folder. (On the shared test context and its output folder: a context of its own would hold another connection
 * pool open; the ids that would escape point into {@code target/unsafe-ids-test/}, so a regression writes there.)
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UnsafeIdsIntegrationTests {

	private static final Path AROUND = Path.of("target/unsafe-ids-test");

	@TempDir
	Path folder;

	@Autowired
	Commands commands;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CycleSummaries summaries;

	@Autowired
	CycleResultsQuery results;

	@Autowired
	JsonResultsExport export;

	@Autowired
	ReportingSettings reporting;

	@BeforeEach
	void emptyDatabaseAndOutput() throws IOException {
		this.database.clean();
		FileSystemUtils.deleteRecursively(AROUND);
		Files.createDirectories(AROUND);
	}

	@Test
	void aCycleFileWhoseIdIsAPathIsRefusedNamingTheFileAndFieldAndNothingIsWritten(CapturedOutput output) throws IOException {
		String climbing = climbingOutInto("x");
		Path cycle = SussexReturns.cycle(this.folder, "pan-sussex-2025", 2);
		Files.writeString(cycle, Files.readString(cycle).replace("id: pan-sussex-2025", "id: " + climbing));

		this.commands.run(new DefaultApplicationArguments("open-cycle", cycle.toString()));

		assertThat(this.commands.getExitCode()).isEqualTo(1);
		assertThat(output).contains("FAILED: " + cycle + ": id \"" + climbing + "\" is not a cycle id: use lower-case letters, digits, '-', '_' and '.'");
		assertThat(this.jdbc.queryForObject("select count(*) from audit_cycle", Integer.class)).isZero();
		assertThat(everythingIn(AROUND)).isEmpty();
	}

	@Test
	void everyIdOfACycleFileIsCheckedAndEachProblemNamed(CapturedOutput output) throws IOException {
		Path cycle = SussexReturns.cycle(this.folder, "pan-sussex-2025", 2);
		Files.writeString(cycle, Files.readString(cycle).replace("partnership: pan-sussex", "partnership: /etc\nrulePack: ../pan-sussex")
			.replace("id: agency-01", "id: .hidden"));

		this.commands.run(new DefaultApplicationArguments("open-cycle", cycle.toString()));

		assertThat(output).contains("partnership \"/etc\" is not a partnership id", "rulePack \"../pan-sussex\" is not a rule pack id",
				"agencies[1].id \".hidden\" is not an agency id");
	}

	@Test
	void aCycleIdOnTheCommandLineThatIsAPathIsRefusedBeforeAnythingRuns(CapturedOutput output) throws IOException {
		// a path of this test's own, which nothing else creates (a fixed /tmp/x may exist on the machine)
		String path = this.folder.resolve("escaped").toAbsolutePath().toString();
		for (String command : new String[] { "results", "summary", "evaluate", "import" }) {
			this.commands.run(command.equals("import") ? new DefaultApplicationArguments(command, "--cycle=" + path, this.folder.toString())
					: new DefaultApplicationArguments(command, "--cycle=" + path));

			assertThat(this.commands.getExitCode()).as(command).isEqualTo(1);
		}
		this.commands.run(new DefaultApplicationArguments("evaluate", "--partnerships=pan-sussex,../../x"));

		assertThat(output).contains("FAILED: --cycle: \"" + path + "\" is not a cycle id")
			.contains("FAILED: --partnerships \"../../x\" is not a partnership id");
		assertThat(Path.of(path)).doesNotExist();
	}

	@Test
	void aCycleStoredWithAPathForItsIdStillCannotWriteOutsideTheOutputFolder() throws IOException {
		// given cycles stored before ids were checked: one climbing out of the output folder, one absolute
		String climbing = climbingOutInto("x");
		String absolute = AROUND.resolve("y").toAbsolutePath().toString();
		this.jdbc.update("insert into partnership (id, name) values ('pan-sussex', 'Pan-Sussex')");
		for (String id : new String[] { climbing, absolute }) {
			this.jdbc.update("""
					insert into audit_cycle (id, partnership_id, pack_id, title, opens_on, return_deadline, status)
					values (?, 'pan-sussex', 'pan-sussex', 'Old cycle', '2025-01-06', '2025-03-31', 'OPEN')""", id);

			assertThatIllegalArgumentException().isThrownBy(() -> this.summaries.summarise(id, LocalDate.of(2025, 4, 1), true))
				.withMessageContaining("outside the output folder").withMessageContaining("\"" + id + "\"");
			assertThatIllegalArgumentException().isThrownBy(() -> this.export.write(this.results.load(id)))
				.withMessageContaining("outside the output folder");
		}
		assertThat(everythingIn(AROUND)).isEmpty();
	}

	/**
	 * A relative path from the output folder to {@code name} in this test's own emptied folder: an id that would climb
	 * out of the output folder (not "../../x", which from {@code <checkout>/output} is the checkout itself when the
	 * checkout's folder is named x).
	 */
	private String climbingOutInto(String name) {
		String climbing = this.reporting.outputDirectory().toAbsolutePath().normalize().relativize(AROUND.resolve(name).toAbsolutePath()).toString();
		assertThat(climbing).startsWith("..");
		return climbing;
	}

	@Test
	void aBillionLaughsCycleFileIsRefusedQuicklyNamingTheAlias(CapturedOutput output) throws IOException {
		Path cycle = SussexReturns.cycle(this.folder, "pan-sussex-2025", 2);
		Files.writeString(cycle, BillionLaughs.after(Files.readString(cycle)));

		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> this.commands.run(new DefaultApplicationArguments("open-cycle", cycle.toString())));

		assertThat(this.commands.getExitCode()).isEqualTo(1);
		assertThat(output).containsPattern("FAILED: " + java.util.regex.Pattern.quote(cycle.toString())
				+ ":\\d+: YAML aliases are not allowed in this file \\(\\*a\\)");
	}

	private static java.util.List<Path> everythingIn(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((file) -> !file.equals(folder)).sorted().toList();
		}
	}

}

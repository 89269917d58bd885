package org.s11evaluator.reporting;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.runs.RunReports;
import org.s11evaluator.files.AtomicFiles;
import org.s11evaluator.submission.SubmissionImport;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.s11evaluator.support.SampleCycles;
import org.s11evaluator.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summaries on disk after faults (real files, the real database and the real nightly job): a write killed or
 * failing midway, a file emptied or altered, a folder that cannot be written. Every summary on disk is the old
 * good one or the new good one, a damaged one is rebuilt by the next run, and a run that could not write one
 * ends FAILED saying why in plain words.
 */
@IntegrationTest
class SummaryFaultsIntegrationTests {

	private static final Path OUTPUT = Path.of("target/summary-faults-output").toAbsolutePath();

	private static final String CYCLE = "pan-sussex-2025";

	@DynamicPropertySource
	static void output(DynamicPropertyRegistry registry) {
		registry.add("s11.reporting.output-directory", OUTPUT::toString);
	}

	@Autowired
	SampleCycles samples;

	@Autowired
	EvaluationManagement evaluation;

	@Autowired
	CycleSummaries summaries;

	@Autowired
	SubmissionImport submissions;

	@Autowired
	DatabaseCleaner database;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunReports runReports;

	@TempDir
	Path folder;

	@BeforeEach
	void nightlyRunWroteEverySummary() throws IOException {
		this.database.clean();
		org.springframework.util.FileSystemUtils.deleteRecursively(OUTPUT);
		this.samples.load();
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.summaries.intact(CYCLE)).isTrue();
	}

	@Test
	void aZeroByteOrAlteredSummaryFileIsRebuiltByTheNextNightlyRunThoughNothingElseChanged() throws IOException {
		// given one cycle's PDF emptied (as a kill mid-write used to leave it) and another's JSON altered by hand
		Files.write(OUTPUT.resolve(CYCLE).resolve("summary.pdf"), new byte[0]);
		Path json = OUTPUT.resolve("pan-sussex-2023/summary.json");
		Files.writeString(json, Files.readString(json).replaceFirst("\"returned\" : \\d+", "\"returned\" : 999"));
		assertThat(Files.readString(json)).contains("\"returned\" : 999");
		Path untouched = OUTPUT.resolve("barking-and-dagenham-2025/summary.pdf");
		var untouchedTime = Files.getLastModifiedTime(untouched);

		// when the next nightly run comes, with no new return
		JobExecution run = this.evaluation.evaluateOpenCycles();

		// then both are rebuilt and match their manifests again; the others are left alone
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.summaries.intact(CYCLE)).isTrue();
		assertThat(this.summaries.intact("pan-sussex-2023")).isTrue();
		assertThat(Files.readString(json)).doesNotContain("\"returned\" : 999");
		assertThat(this.jdbc.queryForObject("select summaries_written from run_report where job_execution_id = ?", Integer.class, run.getId()))
			.isEqualTo(2);
		assertThat(this.runReports.recent(1).get(0).describe()).contains("2 summary(ies) written: no return had changed")
			.doesNotContain("nothing had changed");
		assertThat(Files.getLastModifiedTime(untouched)).isEqualTo(untouchedTime);
		everySummaryOnDiskOpens();
	}

	@Test
	void aSummaryWhoseManifestIsMissingIsRebuilt() throws IOException {
		Files.delete(OUTPUT.resolve(CYCLE).resolve(SummaryManifest.NAME));

		assertThat(this.summaries.intact(CYCLE)).isFalse();
		this.evaluation.evaluateOpenCycles();

		assertThat(this.summaries.intact(CYCLE)).isTrue();
		SummaryManifest manifest = new ObjectMapper().findAndRegisterModules().readValue(OUTPUT.resolve(CYCLE).resolve(SummaryManifest.NAME).toFile(),
				SummaryManifest.class);
		assertThat(manifest.files()).extracting(SummaryManifest.File::name).containsExactlyElementsOf(SummaryManifest.FILES);
		assertThat(manifest.inputsFingerprint()).as("the inputs it was built from")
			.isEqualTo(this.jdbc.queryForObject("select inputs_fingerprint from cycle_summary where cycle_id = ?", String.class, CYCLE));
	}

	@Test
	void aSetWhoseWritingFailsHalfwayKeepsItsOldFilesAndIsRebuiltOnceItCanBe() throws IOException {
		// given a folder in the way of the fourth file of the set, so writing the set fails after three are written
		Path folder = OUTPUT.resolve(CYCLE);
		Map<String, byte[]> before = contents(folder);
		Files.delete(folder.resolve("register-of-returns.csv"));
		Files.createDirectories(folder.resolve("register-of-returns.csv").resolve("in-the-way"));

		// when the nightly run comes
		JobExecution failed = this.evaluation.evaluateOpenCycles();

		// then it fails, saying which file and why; the other files are the old ones, and nothing half-written is left
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(reportedFailure(failed)).contains(CYCLE + ": cannot write " + folder.resolve("register-of-returns.csv")
				+ ": a folder of that name is in the way");
		for (String name : List.of("summary.html", "summary.pdf", "summary.json", "improvement-plan.csv")) {
			assertThat(Files.readAllBytes(folder.resolve(name))).as(name).isEqualTo(before.get(name));
		}
		assertThat(temporaryFiles(folder)).isEmpty();

		// and once the folder is out of the way, the next run rebuilds the set
		org.springframework.util.FileSystemUtils.deleteRecursively(folder.resolve("register-of-returns.csv"));
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.summaries.intact(CYCLE)).isTrue();
	}

	@Test
	void aReadOnlyOutputFolderFailsTheRunWithThePlainReasonAndKeepsTheOldFiles() throws Exception {
		// given a corrected return, so the summary must change, and an output folder nobody can add a file to (not even root)
		Path folder = OUTPUT.resolve(CYCLE);
		Map<String, byte[]> before = contents(folder);
		Path original = Path.of("samples/pan-sussex-2025/submissions/west-sussex-yjs.json");
		Path corrected = Files.writeString(this.folder.resolve("west-sussex-yjs.json"),
				Files.readString(original).replaceFirst("\"rating\": \"green\"", "\"rating\": \"amber\""));
		this.submissions.importPaths(List.of(corrected), Optional.empty());
		assertThat(chattr("+i", folder)).as("chattr +i must work here (root and a file system with attributes): this fault test does not skip itself").isZero();
		JobExecution run;
		try {
			// when the nightly run comes
			run = this.evaluation.evaluateOpenCycles();
		}
		finally {
			chattr("-i", folder);
		}

		// then the run is FAILED with the folder and the cause in its report, and the old files are as they were
		assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.queryForObject("select status from run_report where job_execution_id = ?", String.class, run.getId()))
			.isEqualTo("FAILED");
		assertThat(reportedFailure(run)).contains(CYCLE + ": the output folder " + folder + " is read-only");
		assertThat(contents(folder)).containsOnlyKeys(before.keySet());
		before.forEach((name, bytes) -> assertThat(contents(folder).get(name)).as(name).isEqualTo(bytes));
		assertThat(this.summaries.intact(CYCLE)).isTrue();

		// and the next run, the folder writable again, writes the corrected summary
		assertThat(this.evaluation.evaluateOpenCycles().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isNotEqualTo(before.get("summary.json"));
		assertThat(this.summaries.intact(CYCLE)).isTrue();
	}

	@Test
	void aFullDiskFailsTheRunWithThePlainReasonAndKeepsTheOldFiles() throws Exception {
		// given the cycle's folder on a file system with room for its summary and little more (a tmpfs), and a corrected return
		Path folder = OUTPUT.resolve(CYCLE);
		Map<String, byte[]> before = contents(folder);
		long room = before.values().stream().mapToLong((b) -> (b.length / 4096 + 1) * 4096L).sum() + 16 * 1024;
		Path original = Path.of("samples/pan-sussex-2025/submissions/west-sussex-yjs.json");
		this.submissions.importPaths(List.of(Files.writeString(this.folder.resolve("west-sussex-yjs.json"),
				Files.readString(original).replaceFirst("\"rating\": \"green\"", "\"rating\": \"amber\""))), Optional.empty());
		assertThat(run("mount", "-t", "tmpfs", "-o", "size=" + room, "tmpfs", folder.toString())).as("a tmpfs must be mountable here (root): this fault test does not skip itself").isZero();
		JobExecution run;
		try {
			before.forEach((name, bytes) -> write(folder.resolve(name), bytes));

			// when the nightly run comes
			run = this.evaluation.evaluateOpenCycles();

			// then the run is FAILED saying the disk is full and where, and the old files are as they were, with nothing left beside them
			assertThat(run.getStatus()).isEqualTo(BatchStatus.FAILED);
			assertThat(reportedFailure(run)).containsPattern(CYCLE + ": no space left on device writing " + folder + "/[a-z.-]+");
			before.forEach((name, bytes) -> assertThat(contents(folder).get(name)).as(name).isEqualTo(bytes));
			assertThat(temporaryFiles(folder)).isEmpty();
			assertThat(this.summaries.intact(CYCLE)).isTrue();
		}
		finally {
			run("umount", folder.toString());
		}
	}

	@Test
	void theSummaryCommandKilledMidWriteLeavesTheOldGoodFilesOrNoneAndTheNextRunRepairsTheSet() throws Exception {
		// given a good summary on disk
		Path folder = OUTPUT.resolve(CYCLE);
		Map<String, byte[]> before = contents(folder);

		// when the summary command is killed (SIGKILL) while it writes the PDF
		killSummaryCommandWhileWritingThePdf();

		// then every file is the old good one, the set still matches its manifest, and what was half-written is hidden
		everySummaryOnDiskOpens();
		assertThat(contents(folder)).containsOnlyKeys(before.keySet());
		before.forEach((name, bytes) -> assertThat(contents(folder).get(name)).as(name).isEqualTo(bytes));
		assertThat(this.summaries.intact(CYCLE)).isTrue();
		assertThat(temporaryFiles(folder)).as("the kill came mid-write").isNotEmpty();

		// when a first summary (no old one) is killed the same way
		org.springframework.util.FileSystemUtils.deleteRecursively(folder);
		killSummaryCommandWhileWritingThePdf();

		// then there is no summary file at all rather than a partial one
		everySummaryOnDiskOpens();
		assertThat(contents(folder)).isEmpty();
		assertThat(temporaryFiles(folder)).as("the kill came mid-write").isNotEmpty();

		// and the next nightly run, though no return changed, writes the set and clears away what the killed process left
		JobExecution next = this.evaluation.evaluateOpenCycles();
		assertThat(next.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.summaries.intact(CYCLE)).isTrue();
		assertThat(temporaryFiles(folder)).isEmpty();
		assertThat(contents(folder).keySet()).containsExactlyInAnyOrderElementsOf(
				Stream.concat(SummaryManifest.FILES.stream(), Stream.of(SummaryManifest.NAME)).toList());
		everySummaryOnDiskOpens();
	}

	private void killSummaryCommandWhileWritingThePdf() throws Exception {
		Path folder = OUTPUT.resolve(CYCLE);
		long pdfBefore = size(folder.resolve("summary.pdf"));
		Process child = launch("summary", "--cycle=" + CYCLE, "--as-of=2025-10-01");
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			// the PDF is being written: its temporary file is there (or, were it written in place, summary.pdf changed)
			while (temporaryFiles(folder).stream().noneMatch((name) -> name.startsWith(".summary.pdf."))
					&& size(folder.resolve("summary.pdf")) == pdfBefore) {
				assertThat(child.isAlive()).as("the summary command is still running (see target/summary-kill-child.log)").isTrue();
				assertThat(System.nanoTime()).as("the summary command began the PDF within 120 s").isLessThan(deadline);
				Thread.onSpinWait();
			}
		}
		finally {
			child.destroyForcibly().waitFor();
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private void everySummaryOnDiskOpens() throws IOException {
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> files = Files.walk(OUTPUT)) {
			for (Path file : files.filter(Files::isRegularFile).filter((f) -> !AtomicFiles.isTemporary(f)).toList()) {
				if (file.toString().endsWith(".pdf")) {
					try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
						assertThat(pdf.getNumberOfPages()).as(file.toString()).isPositive();
					}
				}
				else if (file.toString().endsWith(".json")) {
					assertThat(json.readTree(file.toFile())).as(file.toString()).isNotNull();
				}
			}
		}
	}

	private Process launch(String... arguments) throws IOException {
		TestDatabase.Connection db = TestDatabase.get();
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.contains("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
				"org.s11evaluator.S11Application"));
		command.addAll(List.of(arguments));
		command.addAll(List.of("--s11.reporting.output-directory=" + OUTPUT, "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password()));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Path.of("target/summary-kill-child.log").toFile()).start();
	}

	private String reportedFailure(JobExecution run) {
		return this.jdbc.queryForObject("select failure from run_report where job_execution_id = ?", String.class, run.getId());
	}

	/** The published files of a folder (not the temporary ones), by name. */
	private static Map<String, byte[]> contents(Path folder) {
		Map<String, byte[]> contents = new HashMap<>();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter(Files::isRegularFile).filter((f) -> !AtomicFiles.isTemporary(f)).toList()) {
					contents.put(file.getFileName().toString(), Files.readAllBytes(file));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return contents;
	}

	private static List<String> temporaryFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(AtomicFiles::isTemporary).map((f) -> f.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			return List.of(); // the folder changed while listed: look again
		}
	}

	private static void write(Path file, byte[] bytes) {
		try {
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int chattr(String flag, Path path) throws Exception {
		return run("chattr", flag, path.toString());
	}

	private static int run(String... command) throws Exception {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
		}
		catch (IOException ex) {
			return -1; // no such tool here
		}
	}

}

package org.s11evaluator.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real files on disk: a reader sees the old file or the new one, never a part, whatever fails and when. */
class AtomicFilesTests {

	@TempDir
	Path folder;

	@Test
	void replacesTheOldFileWholeAndSaysWhatItWrote() throws Exception {
		Path file = Files.writeString(this.folder.resolve("summary.json"), "{\"old\":true}");

		try (AtomicFiles.Staged staged = AtomicFiles.stage(file, (out) -> out.write("{\"new\":true}".getBytes(StandardCharsets.UTF_8)))) {
			assertThat(Files.readString(file)).as("not replaced until published").isEqualTo("{\"old\":true}");
			staged.publish();
			assertThat(staged.size()).isEqualTo(12);
			assertThat(staged.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
		}

		assertThat(Files.readString(file)).isEqualTo("{\"new\":true}");
		assertThat(names()).containsExactly("summary.json");
	}

	@Test
	void aWriteThatThrowsHalfwayLeavesTheOldFileAndNoTemporaryOne() throws IOException {
		// given a good file, and a writer that fails after writing 100 KB of its replacement
		Path file = Files.writeString(this.folder.resolve("summary.pdf"), "old good file");

		// when it is written again
		assertThatThrownBy(() -> AtomicFiles.write(file, (out) -> {
			out.write(new byte[100_000]);
			throw new IOException("No space left on device");
		})).isInstanceOf(FileNotWritten.class).hasMessage("no space left on device writing " + file.toAbsolutePath());

		// then the old file is as it was, and nothing else is left behind
		assertThat(Files.readString(file)).isEqualTo("old good file");
		assertThat(names()).containsExactly("summary.pdf");
	}

	@Test
	void aFirstWriteThatFailsLeavesNoFileAtAll() {
		Path file = this.folder.resolve("summary.pdf");

		assertThatThrownBy(() -> AtomicFiles.write(file, (out) -> {
			out.write(new byte[10]);
			throw new IllegalStateException("renderer crashed");
		})).hasMessage("renderer crashed");

		assertThat(names()).isEmpty();
	}

	@Test
	void temporaryFilesOfAProcessThatDiedAreRemovedByTheNextWriteAndALiveOnesAreLeft() throws Exception {
		// given a temporary file left by a process that is gone, and one of a process still running (this one)
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Path dead = Files.writeString(this.folder.resolve(".summary.pdf." + gone.pid() + ".0123abcd" + AtomicFiles.SUFFIX), "%PDF-1.4 half");
		Path live = Files.writeString(this.folder.resolve(".summary.html." + ProcessHandle.current().pid() + ".4567abcd" + AtomicFiles.SUFFIX), "<ht");
		assertThat(AtomicFiles.isTemporary(dead)).isTrue();
		assertThat(AtomicFiles.isTemporary(this.folder.resolve("summary.pdf"))).isFalse();

		// when anything is written into that folder
		AtomicFiles.writeString(this.folder.resolve("improvement-plan.csv"), "status\r\n");

		// then the dead process's file is gone and the live one's kept
		assertThat(dead).doesNotExist();
		assertThat(live).exists();
	}

	@Test
	void aFolderInTheWayIsReportedInPlainWordsAndNothingIsLeftBehind() throws IOException {
		Path file = Files.createDirectories(this.folder.resolve("summary.pdf"));
		Files.writeString(file.resolve("keep.txt"), "x");

		assertThatThrownBy(() -> AtomicFiles.writeString(file, "new"))
			.hasMessage("cannot write " + file.toAbsolutePath() + ": a folder of that name is in the way");

		assertThat(names()).containsExactly("summary.pdf");
	}

	@Test
	void aFolderThatCannotBeWrittenIsReportedAsReadOnlyAndTheOldFileKept() throws Exception {
		// given a good file in a folder nobody may add files to, not even root (chattr +i)
		Path file = Files.writeString(this.folder.resolve("summary.html"), "old good file");
		assertThat(chattr("+i", this.folder)).as("chattr +i must work here (root and a file system with attributes): this fault test does not skip itself").isZero();
		try {
			// when it is written again
			assertThatThrownBy(() -> AtomicFiles.writeString(file, "new"))
				// then the reason is plain, names the folder, and the old file is kept
				.isInstanceOf(FileNotWritten.class)
				.hasMessageStartingWith("the output folder " + this.folder.toAbsolutePath() + " is read-only");
			assertThat(Files.readString(file)).isEqualTo("old good file");
		}
		finally {
			chattr("-i", this.folder);
		}
		assertThat(names()).containsExactly("summary.html");
	}

	@Test
	void aFullDiskIsReportedAsSuchAndTheOldFileKept() throws Exception {
		// given a good file on a file system of 64 KB (a tmpfs, where this machine allows mounting one)
		Path small = Files.createDirectories(this.folder.resolve("small"));
		assertThat(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())).as("a tmpfs must be mountable here (root): this fault test does not skip itself").isZero();
		try {
			Path file = Files.writeString(small.resolve("summary.pdf"), "old good file");

			// when a larger file than fits is written over it
			assertThatThrownBy(() -> AtomicFiles.write(file, (out) -> out.write(new byte[200_000])))
				// then the reason is plain and the old file is kept, with nothing left beside it
				.hasMessage("no space left on device writing " + file.toAbsolutePath());
			assertThat(Files.readString(file)).isEqualTo("old good file");
			try (Stream<Path> files = Files.list(small)) {
				assertThat(files.map((p) -> p.getFileName().toString())).containsExactly("summary.pdf");
			}
		}
		finally {
			run("umount", small.toString());
		}
	}

	static int chattr(String flag, Path path) throws Exception {
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

	private List<String> names() {
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.map((p) -> p.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

package org.s11evaluator.reporting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A summary file checked once (or written) is not read again while unchanged, in this process or, from the stamp it
 * kept, the next; any change to it is seen.
 */
class VerifiedFilesTests {

	@TempDir
	Path folder;

	private final VerifiedFiles verified = new VerifiedFiles();

	@Test
	void aFileRewrittenWithTheSameSizeAfterItWasCheckedIsReadAgainAndItsNewHashGiven() throws Exception {
		Path file = this.folder.resolve("summary.pdf");
		Files.writeString(file, "the summary as written", StandardCharsets.UTF_8);
		String first = this.verified.sha256(file);
		assertThat(first).isEqualTo(SummaryManifest.sha256(file));

		Files.writeString(file, "the summary, damaged!!", StandardCharsets.UTF_8); // same size, other bytes

		assertThat(Files.size(file)).isEqualTo("the summary as written".length());
		assertThat(this.verified.sha256(file)).isEqualTo(SummaryManifest.sha256(file)).isNotEqualTo(first);
	}

	@Test
	void aFileReplacedByAnotherWithTheSameSizeAndTimeIsReadAgain() throws Exception {
		Path file = this.folder.resolve("summary.html");
		Files.writeString(file, "<p>one</p>", StandardCharsets.UTF_8);
		String first = this.verified.sha256(file);
		java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);

		Path other = this.folder.resolve("other.html");
		Files.writeString(other, "<p>two</p>", StandardCharsets.UTF_8);
		Files.setLastModifiedTime(other, time);
		Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // another inode, same size and time

		assertThat(this.verified.sha256(file)).isEqualTo(SummaryManifest.sha256(file)).isNotEqualTo(first);
	}

	@Test
	void anUnchangedFileGivesTheHashItWasCheckedWith() throws Exception {
		Path file = this.folder.resolve("summary.json");
		Files.writeString(file, "{}", StandardCharsets.UTF_8);

		assertThat(this.verified.sha256(file)).isEqualTo(this.verified.sha256(file)).isEqualTo(SummaryManifest.sha256(file));
	}

	@Test
	void aStampKeptByAnEarlierProcessSparesReadingTheUnchangedFile() throws Exception {
		Path file = this.folder.resolve("summary.pdf");
		Files.writeString(file, "the summary as written", StandardCharsets.UTF_8);
		this.verified.written(file, SummaryManifest.sha256(file));
		VerifiedFiles.Stamp kept = this.verified.takeUnsaved(this.folder).get(file.toAbsolutePath().normalize());
		assertThat(kept).as("a stamp to keep, where the file system gives the status-change time").isNotNull();

		VerifiedFiles next = new VerifiedFiles(); // the next process, given what the store kept
		next.known(file, kept.withSha256("0".repeat(64)));

		assertThat(next.sha256(file)).as("taken from the stamp, not read").isEqualTo("0".repeat(64));
	}

	@Test
	void aFileEditedInPlaceWithItsTimePutBackIsReadAgainByTheNextProcess() throws Exception {
		Path file = this.folder.resolve("summary.html");
		Files.writeString(file, "<p>as written</p>", StandardCharsets.UTF_8);
		String written = this.verified.sha256(file);
		VerifiedFiles.Stamp kept = this.verified.takeUnsaved(this.folder).get(file.toAbsolutePath().normalize());
		java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
		Thread.sleep(50); // past the file system's clock tick

		Files.writeString(file, "<p>as damaged</p>", StandardCharsets.UTF_8); // same size, same inode
		Files.setLastModifiedTime(file, time); // and the modification time put back

		VerifiedFiles next = new VerifiedFiles();
		next.known(file, kept);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(time);
		assertThat(next.sha256(file)).isEqualTo(SummaryManifest.sha256(file)).isNotEqualTo(written);
	}

	@Test
	void theStampsLearntAreHandedToTheStoreOnceAndOnlyForTheFolderAsked() throws Exception {
		Path mine = Files.createDirectories(this.folder.resolve("cycle-a")).resolve("summary.json");
		Path other = Files.createDirectories(this.folder.resolve("cycle-b")).resolve("summary.json");
		Files.writeString(mine, "{}", StandardCharsets.UTF_8);
		Files.writeString(other, "[]", StandardCharsets.UTF_8);
		this.verified.sha256(mine);
		this.verified.sha256(other);

		assertThat(this.verified.takeUnsaved(this.folder.resolve("cycle-a")).keySet()).containsExactly(mine.toAbsolutePath().normalize());
		assertThat(this.verified.takeUnsaved(this.folder.resolve("cycle-a"))).isEmpty();
		this.verified.sha256(mine); // unchanged: nothing new to keep
		assertThat(this.verified.takeUnsaved(this.folder.resolve("cycle-a"))).isEmpty();
		assertThat(this.verified.takeUnsaved(this.folder.resolve("cycle-b")).keySet()).containsExactly(other.toAbsolutePath().normalize());
	}

}

package org.s11evaluator.reporting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A summary file checked once is not read again while unchanged; any change to it is seen. */
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

}

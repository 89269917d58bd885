package org.s11evaluator.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one content hash: SHA-256 in lower-case hex, the format every stored hash already has. */
class ContentHashTests {

	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@TempDir
	Path folder;

	@Test
	void theHashOfTextIsItsSha256InLowerCaseHex() {
		assertThat(ContentHash.of("abc")).isEqualTo(ABC);
		assertThat(ContentHash.of("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(ABC);
	}

	@Test
	void aHashBuiltInPartsAFileAndAStreamAllEqualTheHashOfTheWhole() throws IOException {
		Path file = this.folder.resolve("a.txt");
		Files.writeString(file, "abc");
		assertThat(ContentHash.of(file)).isEqualTo(ABC);
		assertThat(ContentHash.digest().update("a").update((byte) 'b').update("c".getBytes(StandardCharsets.UTF_8)).hex()).isEqualTo(ABC);
		ContentHash.Digest streamed = ContentHash.digest();
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		try (OutputStream out = streamed.digesting(copy)) {
			out.write("abc".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(streamed.hex()).isEqualTo(ABC);
		assertThat(copy.toString(StandardCharsets.UTF_8)).isEqualTo("abc");
	}

	@Test
	void aFileLargerThanOneBlockHashesAsItsWholeContent() throws IOException {
		byte[] content = new byte[200_000];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) (i * 31);
		}
		Path file = this.folder.resolve("big.bin");
		Files.write(file, content);
		assertThat(ContentHash.of(file)).isEqualTo(ContentHash.of(content)).hasSize(64).matches("[0-9a-f]{64}");
	}

}

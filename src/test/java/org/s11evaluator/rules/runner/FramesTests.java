package org.s11evaluator.rules.runner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The wire reads a buffer at a time: frames shorter and longer than its buffer, several in one read or one split
 * over many, come out whole and in order; a frame past the limit is refused without reading it all into memory.
 */
class FramesTests {

	@ParameterizedTest
	@ValueSource(ints = { 1, 7, 4096, 65_536, 1_000_000 })
	void readsEveryFrameWholeAndInOrderHoweverTheStreamCutsThem(int chunk) throws IOException {
		// given frames from a few bytes to several times the reader's buffer, written as the other end writes them
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		List<String> texts = new ArrayList<>();
		for (int length : new int[] { 0, 1, 100, 65_530, 65_536, 200_000, 3, 150_001 }) {
			String text = "é\n\u0000".repeat(length / 3 + 1).substring(0, length);
			texts.add(text);
			Frames.write(wire, Map.of("type", "outcome", "text", text));
		}

		// when the stream hands them over at most `chunk` bytes at a time
		Frames.Reader reader = new Frames.Reader(new Chunks(new ByteArrayInputStream(wire.toByteArray()), chunk, new AtomicLong()), Frames.MAX_FROM_RUNNER);

		// then each comes out whole, and then the end
		for (String text : texts) {
			JsonNode frame = reader.next();
			assertThat(frame.path("type").asText()).isEqualTo("outcome");
			assertThat(frame.path("text").asText()).isEqualTo(text);
		}
		assertThat(reader.next()).isNull();
	}

	@Test
	void refusesAFrameLongerThanTheLimitWithoutReadingMuchMoreThanTheLimit() throws IOException {
		AtomicLong read = new AtomicLong();
		InputStream endless = new InputStream() {
			@Override
			public int read() {
				return 'x';
			}

			@Override
			public int read(byte[] b, int off, int len) {
				java.util.Arrays.fill(b, off, off + len, (byte) 'x');
				return len;
			}
		};
		Frames.Reader reader = new Frames.Reader(new Chunks(endless, 1 << 20, read), 1_000_000);

		assertThatExceptionOfType(Frames.BadFrameException.class).isThrownBy(reader::next).withMessage("a frame longer than 1000000 bytes");
		assertThat(read.get()).isLessThanOrEqualTo(1_000_000 + 64 * 1024);
	}

	@Test
	void acceptsAFrameExactlyAtTheLimit() throws IOException {
		String frame = "{\"type\":\"x\",\"t\":\"" + "y".repeat(200) + "\"}";
		Frames.Reader reader = new Frames.Reader(new ByteArrayInputStream((frame + "\n" + frame + "x\n").getBytes(StandardCharsets.UTF_8)),
				frame.length());

		assertThat(reader.next().path("t").asText()).hasSize(200);
		assertThatExceptionOfType(Frames.BadFrameException.class).isThrownBy(reader::next).withMessageStartingWith("a frame longer than");
	}

	@Test
	void refusesAStreamThatEndsInTheMiddleOfAFrameAndAFrameThatIsNotAnObjectWithAType() throws IOException {
		Frames.Reader cut = new Frames.Reader(new ByteArrayInputStream("{\"type\":\"x\"}\n{\"type\":".getBytes(StandardCharsets.UTF_8)), 1000);
		assertThat(cut.next().path("type").asText()).isEqualTo("x");
		assertThatExceptionOfType(Frames.BadFrameException.class).isThrownBy(cut::next).withMessage("the stream ended in the middle of a frame");

		for (String bad : List.of("[1,2]", "{\"no\":\"type\"}", "not json")) {
			Frames.Reader reader = new Frames.Reader(new ByteArrayInputStream((bad + "\n").getBytes(StandardCharsets.UTF_8)), 1000);
			assertThatExceptionOfType(Frames.BadFrameException.class).as(bad).isThrownBy(reader::next);
		}
	}

	/** At most {@code chunk} bytes a read, counting what was read. */
	private static final class Chunks extends FilterInputStream {

		private final int chunk;

		private final AtomicLong read;

		Chunks(InputStream in, int chunk, AtomicLong read) {
			super(in);
			this.chunk = chunk;
			this.read = read;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, Math.min(len, this.chunk));
			if (n > 0) {
				this.read.addAndGet(n);
			}
			return n;
		}

	}

}

package org.s11evaluator.rules.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The wire between the application and a rule runner: one JSON object per line, in UTF-8, each line at most
 * {@code maxBytes} long. Never Java serialization: what comes back is read as plain JSON values, and the
 * application builds its own records from them ({@link OutcomeJson}).
 */
final class Frames {

	/** Largest frame the application accepts from a runner: one return's outcomes, with their explanations. */
	static final int MAX_FROM_RUNNER = 8 * 1024 * 1024;

	/** Largest frame a runner accepts from the application: a whole pack's rule files. */
	static final int MAX_TO_RUNNER = 64 * 1024 * 1024;

	static final ObjectMapper JSON = mapper();

	private Frames() {
	}

	private static ObjectMapper mapper() {
		// facts are records: their components are what goes on the wire, never "is" methods such as
		// AgencyAction.isCompleted(), which Jackson would otherwise take for a second "completed"
		JsonMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(MapperFeature.AUTO_DETECT_IS_GETTERS).build();
		mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
			.maxStringLength(MAX_TO_RUNNER).maxNumberLength(32).build());
		return mapper;
	}

	/** Writes one frame; a newline inside it cannot occur, as JSON escapes every control character in strings. */
	static void write(OutputStream out, Object frame) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(frame);
		synchronized (out) {
			out.write(bytes);
			out.write('\n');
			out.flush();
		}
	}

	/**
	 * Reads frames from one stream, a buffer at a time (never a byte at a time: an answer with its outcomes is tens
	 * of kilobytes, a batch of returns hundreds). Not for more than one thread at once.
	 */
	static final class Reader {

		private final InputStream in;

		private final int maxBytes;

		private final byte[] buffer = new byte[64 * 1024];

		private int position;

		private int limit;

		/** The start of a frame longer than what is left in the buffer, kept while the rest comes in. */
		private byte[] pending = new byte[0];

		private int pendingLength;

		Reader(InputStream in, int maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		/**
		 * The next frame; null at the end of the stream. Throws {@link BadFrameException} for a frame too long
		 * or not a JSON object, without reading more than {@code maxBytes} of it into memory.
		 */
		JsonNode next() throws IOException {
			while (true) {
				for (int i = this.position; i < this.limit; i++) {
					if (this.buffer[i] == '\n') {
						int length = i - this.position;
						check(this.pendingLength + length);
						JsonNode frame;
						if (this.pendingLength == 0) {
							frame = parse(this.buffer, this.position, length);
						}
						else {
							append(this.buffer, this.position, length);
							frame = parse(this.pending, 0, this.pendingLength);
							this.pendingLength = 0;
						}
						this.position = i + 1;
						return frame;
					}
				}
				check(this.pendingLength + this.limit - this.position);
				append(this.buffer, this.position, this.limit - this.position);
				this.position = 0;
				this.limit = Math.max(this.in.read(this.buffer), 0);
				if (this.limit == 0) {
					if (this.pendingLength == 0) {
						return null;
					}
					throw new BadFrameException("the stream ended in the middle of a frame");
				}
			}
		}

		private void check(int length) throws BadFrameException {
			if (length > this.maxBytes) {
				throw new BadFrameException("a frame longer than " + this.maxBytes + " bytes");
			}
		}

		private void append(byte[] bytes, int from, int length) {
			if (length == 0) {
				return;
			}
			if (this.pendingLength + length > this.pending.length) {
				this.pending = java.util.Arrays.copyOf(this.pending, Math.max(this.pendingLength + length, this.pending.length * 2));
			}
			System.arraycopy(bytes, from, this.pending, this.pendingLength, length);
			this.pendingLength += length;
		}

	}

	private static JsonNode parse(byte[] bytes, int from, int length) throws BadFrameException {
		JsonNode node;
		try {
			node = JSON.readTree(bytes, from, length);
		}
		catch (JsonProcessingException ex) {
			throw new BadFrameException("a frame that is not JSON (" + ex.getOriginalMessage() + ")");
		}
		catch (IOException ex) {
			throw new BadFrameException("a frame that is not JSON (" + ex.getMessage() + ")");
		}
		if (node == null || !node.isObject() || !node.path("type").isTextual()) {
			throw new BadFrameException("a frame that is not a JSON object with a type");
		}
		return node;
	}

	/** A frame the application refuses: the runner sending it is not trusted again and is stopped. */
	static final class BadFrameException extends IOException {

		BadFrameException(String message) {
			super(message);
		}

	}

}

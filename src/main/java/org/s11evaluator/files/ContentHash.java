package org.s11evaluator.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash the application stores and compares everywhere (returns, rule-pack versions, summary manifests,
 * change fingerprints, published files): SHA-256, written as 64 lower-case hexadecimal digits. One place, so that
 * every stored hash keeps one format.
 */
public final class ContentHash {

	private ContentHash() {
	}

	/** The hash of these bytes. */
	public static String of(byte[] bytes) {
		return hex(sha256().digest(bytes));
	}

	/** The hash of this text, encoded as UTF-8. */
	public static String of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The hash of a file's content, read in blocks. */
	public static String of(Path file) throws IOException {
		Digest digest = digest();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.digest.update(buffer, 0, read);
			}
		}
		return digest.hex();
	}

	/** A hash built from several parts, in order. */
	public static Digest digest() {
		return new Digest(sha256());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This Java has no SHA-256", ex);
		}
	}

	private static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	/** A hash being built: parts added in order, then {@link #hex()} once. */
	public static final class Digest {

		private final MessageDigest digest;

		private Digest(MessageDigest digest) {
			this.digest = digest;
		}

		public Digest update(byte[] bytes) {
			this.digest.update(bytes);
			return this;
		}

		public Digest update(byte value) {
			this.digest.update(value);
			return this;
		}

		/** Adds the text, encoded as UTF-8. */
		public Digest update(String text) {
			return update(text.getBytes(StandardCharsets.UTF_8));
		}

		/** A stream that adds to this hash everything written through it. */
		public OutputStream digesting(OutputStream out) {
			return new DigestOutputStream(out, this.digest);
		}

		/** The hash of the parts added. */
		public String hex() {
			return ContentHash.hex(this.digest.digest());
		}

	}

}

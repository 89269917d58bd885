package org.s11evaluator.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a file atomically: its content goes to a temporary file in the same folder
 * ({@code .<name>.<pid>.<random>.s11tmp}, hidden and never named like a report), is forced to disk, and is then
 * moved over the old file in one step. A reader sees the old file or the new one, never a part of either; a
 * failure at any point leaves the old file as it was and removes the temporary one. Temporary files left by a
 * killed process are removed by the next write into their folder.
 */
public final class AtomicFiles {

	private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

	static final String SUFFIX = ".s11tmp";

	/** A temporary file of a live process is left alone unless it is this old: then its writer is stuck. */
	private static final Duration ABANDONED = Duration.ofDays(1);

	private AtomicFiles() {
	}

	/** What goes into a file: written to the stream given, which is not to be closed. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Writes {@code target} atomically. */
	public static void write(Path target, Content content) {
		try (Staged staged = stage(target, content)) {
			staged.publish();
		}
	}

	/** Writes {@code text} as UTF-8 to {@code target} atomically. */
	public static void writeString(Path target, String text) {
		write(target, (out) -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Writes the content to a temporary file beside {@code target} and forces it to disk, without publishing it
	 * yet: several files can be staged, then published together in quick succession. Closing a staged file that
	 * was not published deletes it.
	 */
	public static Staged stage(Path target, Content content) {
		Path folder = target.toAbsolutePath().normalize().getParent();
		Path temp = null;
		try {
			Files.createDirectories(folder);
			removeStale(folder);
			temp = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
					+ UUID.randomUUID().toString().substring(0, 8) + SUFFIX);
			ContentHash.Digest sha256 = ContentHash.digest();
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				OutputStream buffered = new java.io.BufferedOutputStream(sha256.digesting(Channels.newOutputStream(channel)), 64 * 1024);
				content.writeTo(new NotClosing(buffered));
				buffered.flush();
				channel.force(true);
				return new Staged(target, temp, channel.size(), sha256.hex());
			}
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw FileNotWritten.of(target, ex);
		}
		catch (RuntimeException | Error ex) {
			deleteQuietly(temp);
			throw ex;
		}
	}

	/** Deletes a published file (if there), saying why not in plain words. */
	public static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw FileNotWritten.of(file, ex);
		}
	}

	/** Whether a file is one of these temporary files (never a report, whatever else is in its name). */
	public static boolean isTemporary(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith(".") && name.endsWith(SUFFIX);
	}

	/** Removes temporary files in the folder whose process is gone (killed mid-write), or that are very old. */
	static void removeStale(Path folder) throws IOException {
		try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, (p) -> isTemporary(p))) {
			for (Path temp : temps) {
				if (abandoned(temp)) {
					log.info("Removing {}: left by a process that stopped while writing it", temp);
					deleteQuietly(temp);
				}
			}
		}
	}

	private static boolean abandoned(Path temp) {
		String[] parts = temp.getFileName().toString().split("\\.");
		try {
			long pid = Long.parseLong(parts[parts.length - 3]);
			boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
			return !alive || Files.getLastModifiedTime(temp).toInstant().isBefore(Instant.now().minus(ABANDONED));
		}
		catch (RuntimeException | IOException ex) {
			return false; // not ours after all, or already gone
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				log.debug("Could not remove the temporary file {}", temp, ex);
			}
		}
	}

	/** A file written and forced to disk under a temporary name, waiting to be moved over its target. */
	public static final class Staged implements AutoCloseable {

		private final Path target;

		private final Path temp;

		private final long size;

		private final String sha256;

		private boolean published;

		private Staged(Path target, Path temp, long size, String sha256) {
			this.target = target;
			this.temp = temp;
			this.size = size;
			this.sha256 = sha256;
		}

		public Path target() {
			return this.target;
		}

		public long size() {
			return this.size;
		}

		public String sha256() {
			return this.sha256;
		}

		/** Fails, before anything is replaced, if the file cannot be moved over its target (a folder is in the way). */
		public void checkTarget() {
			if (Files.isDirectory(this.target)) {
				throw FileNotWritten.of(this.target, new IOException("a folder of that name is in the way"));
			}
		}

		/** Moves the file over its target in one step (replacing it only if the file system cannot). */
		public void publish() {
			checkTarget();
			try {
				try {
					Files.move(this.temp, this.target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException ex) {
					log.warn("The file system of {} cannot replace a file in one step; replacing it in two", this.target.getParent());
					Files.move(this.temp, this.target, StandardCopyOption.REPLACE_EXISTING);
				}
				this.published = true;
				forceFolder(this.temp.getParent());
			}
			catch (IOException ex) {
				throw FileNotWritten.of(this.target, ex);
			}
		}

		@Override
		public void close() {
			if (!this.published) {
				deleteQuietly(this.temp);
			}
		}

		/** The move itself is durable only once the folder is flushed too; not every file system allows it. */
		private static void forceFolder(Path folder) {
			try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
				channel.force(true);
			}
			catch (IOException ex) {
				log.debug("Could not flush the folder {}", folder, ex);
			}
		}

	}

	/**
	 * A new, empty, hidden temporary folder beside {@code target} ({@code .<name>.<pid>.<random>.s11tmp}), to fill and
	 * then publish as a whole with {@link #publishFolder}. Temporary folders left there by a process that stopped are
	 * removed first.
	 */
	public static Path temporaryFolder(Path target) {
		Path parent = target.toAbsolutePath().normalize().getParent();
		try {
			Files.createDirectories(parent);
			try (DirectoryStream<Path> temps = Files.newDirectoryStream(parent, (p) -> isTemporary(p) && Files.isDirectory(p))) {
				for (Path temp : temps) {
					if (abandoned(temp)) {
						log.info("Removing {}: left by a process that stopped while writing it", temp);
						deleteFolder(temp);
					}
				}
			}
			return Files.createDirectory(parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
					+ UUID.randomUUID().toString().substring(0, 8) + SUFFIX));
		}
		catch (IOException ex) {
			throw FileNotWritten.of(target, ex);
		}
	}

	/**
	 * Publishes a filled temporary folder as {@code target} in one rename: a reader sees no folder or the whole of it.
	 * Never replaces anything: a {@code target} already there is refused (and the temporary folder removed).
	 */
	public static void publishFolder(Path temp, Path target) {
		try {
			if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
				throw new java.nio.file.FileAlreadyExistsException(target.toString(), null, "is there already and is never replaced");
			}
			Staged.forceFolder(temp);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			Staged.forceFolder(target.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			deleteFolder(temp);
			throw FileNotWritten.of(target, ex);
		}
	}

	/** Deletes a temporary folder and what is in it, quietly. */
	public static void deleteFolder(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (var files = Files.walk(folder)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
		}
		catch (IOException ex) {
			log.debug("Could not remove {}", folder, ex);
		}
	}

	/** Lets a writer close its stream (as Jackson and PDF renderers do) without closing the file before it is forced. */
	private static final class NotClosing extends java.io.FilterOutputStream {

		NotClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}

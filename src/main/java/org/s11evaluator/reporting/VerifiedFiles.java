package org.s11evaluator.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of summary files already read (or just written), each with the size, modification time, status-change
 * time (ctime) and file key (device and inode) it had then: a file that still has all of them is not read again to
 * check it against its manifest, so a night with nothing new checks every summary on disk without reading them all.
 * Anything that changes a file (a rewrite, an edit, a replacement, a truncation, even one that puts its modification
 * time back) changes its status-change time or its key, and it is read again. Stamps learnt here are kept
 * ({@link SummaryFileStamps}) so that the next process need not read the files either; a stamp is taken from that store
 * only where the file system gives the status-change time (Linux, macOS). Bounded: the least recently checked go first
 * past {@link #MAX_FILES}.
 */
final class VerifiedFiles {

	static final int MAX_FILES = 8192;

	/** What a file was when its SHA-256 was taken; {@code changedNanos} is -1 where the file system does not say. */
	record Stamp(long size, long modifiedNanos, long changedNanos, String fileKey, String sha256) {

		boolean sameFileAs(Stamp now) {
			return this.size == now.size && this.modifiedNanos == now.modifiedNanos && this.changedNanos == now.changedNanos
					&& Objects.equals(this.fileKey, now.fileKey);
		}

		/** Whether another process may trust it: its status-change time and key are known. */
		boolean lasting() {
			return this.changedNanos >= 0 && this.fileKey != null;
		}

		Stamp withSha256(String sha256) {
			return new Stamp(this.size, this.modifiedNanos, this.changedNanos, this.fileKey, sha256);
		}

	}

	private final Map<Path, Stamp> stamps = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Path, Stamp> eldest) {
			return size() > MAX_FILES;
		}
	};

	/** Stamps learnt in this process (read or written) and not yet handed to the store. */
	private final Map<Path, Stamp> unsaved = new LinkedHashMap<>();

	/** The file's SHA-256: remembered if it has not changed since it was last read, read (and remembered) otherwise. */
	String sha256(Path file) throws IOException {
		Path key = key(file);
		Stamp before = stamp(key, null);
		synchronized (this.stamps) {
			Stamp known = this.stamps.get(key);
			if (known != null && known.sameFileAs(before)) {
				return known.sha256();
			}
		}
		String sha256 = SummaryManifest.sha256(key);
		if (stamp(key, null).sameFileAs(before)) { // unchanged while it was read: what was read is what it holds
			remember(key, before.withSha256(sha256));
		}
		return sha256;
	}

	/** Remembers a file just written with the SHA-256 of what was written, as it is on disk now. */
	void written(Path file, String sha256) throws IOException {
		Path key = key(file);
		remember(key, stamp(key, sha256));
	}

	/** Takes a stamp kept by an earlier process, unless this one knows the file already. */
	void known(Path file, Stamp stamp) {
		if (stamp.lasting()) {
			synchronized (this.stamps) {
				this.stamps.putIfAbsent(key(file), stamp);
			}
		}
	}

	/** The stamps learnt of files under the folder since last asked, for the store; they are not handed out again. */
	Map<Path, Stamp> takeUnsaved(Path folder) {
		Path under = key(folder);
		Map<Path, Stamp> taken = new LinkedHashMap<>();
		synchronized (this.stamps) {
			for (java.util.Iterator<Map.Entry<Path, Stamp>> each = this.unsaved.entrySet().iterator(); each.hasNext();) {
				Map.Entry<Path, Stamp> entry = each.next();
				if (entry.getKey().startsWith(under)) {
					taken.put(entry.getKey(), entry.getValue());
					each.remove();
				}
			}
		}
		return taken;
	}

	private void remember(Path key, Stamp stamp) {
		synchronized (this.stamps) {
			this.stamps.put(key, stamp);
			if (stamp.lasting()) {
				this.unsaved.put(key, stamp);
				if (this.unsaved.size() > MAX_FILES) {
					this.unsaved.remove(this.unsaved.keySet().iterator().next());
				}
			}
		}
	}

	private static Path key(Path file) {
		return file.toAbsolutePath().normalize();
	}

	/** The file's stamp now: from the "unix" view where there is one (status-change time, device and inode). */
	private static Stamp stamp(Path file, String sha256) throws IOException {
		BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
		long modified = basic.lastModifiedTime().to(TimeUnit.NANOSECONDS);
		try {
			Map<String, Object> unix = Files.readAttributes(file, "unix:ctime,dev,ino");
			return new Stamp(basic.size(), modified, ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS),
					unix.get("dev") + ":" + unix.get("ino"), sha256);
		}
		catch (UnsupportedOperationException | IllegalArgumentException ex) {
			return new Stamp(basic.size(), modified, -1, (basic.fileKey() != null) ? basic.fileKey().toString() : null, sha256);
		}
	}

}

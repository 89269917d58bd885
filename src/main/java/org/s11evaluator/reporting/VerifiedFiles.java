package org.s11evaluator.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SHA-256 of summary files this process has already read, each with the size, modification time and file
 * key (inode) it had then: a file that still has all three is not read again to check it against its manifest, so
 * a night with nothing new checks every summary on disk without reading them all. Anything that changes a file
 * (a rewrite, an edit, a replacement, a truncation) changes its time or its key, and it is read again. Bounded: the
 * least recently checked go first past {@link #MAX_FILES}.
 */
final class VerifiedFiles {

	static final int MAX_FILES = 8192;

	private record Stamp(long size, long modifiedNanos, Object fileKey, String sha256) {
	}

	private final Map<Path, Stamp> stamps = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Path, Stamp> eldest) {
			return size() > MAX_FILES;
		}
	};

	/** The file's SHA-256: remembered if it has not changed since it was last read, read (and remembered) otherwise. */
	String sha256(Path file) throws IOException {
		Path key = file.toAbsolutePath().normalize();
		BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
		long modified = attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
		synchronized (this.stamps) {
			Stamp known = this.stamps.get(key);
			if (known != null && known.size() == attributes.size() && known.modifiedNanos() == modified
					&& Objects.equals(known.fileKey(), attributes.fileKey())) {
				return known.sha256();
			}
		}
		String sha256 = SummaryManifest.sha256(key);
		BasicFileAttributes after = Files.readAttributes(key, BasicFileAttributes.class);
		if (after.size() == attributes.size() && after.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) == modified) {
			synchronized (this.stamps) { // unchanged while it was read: what was read is what it holds
				this.stamps.put(key, new Stamp(attributes.size(), modified, attributes.fileKey(), sha256));
			}
		}
		return sha256;
	}

}

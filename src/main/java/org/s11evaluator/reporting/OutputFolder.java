package org.s11evaluator.reporting;

import java.nio.file.Path;

/**
 * Where a report goes inside the output folder ({@code batch-config/reporting.yml}). Names come from ids (a
 * cycle's, a pack's), which are checked where they enter; this is the last check before a write, so that an id
 * stored before those checks existed, or a mistake in one, cannot send a file anywhere else.
 */
final class OutputFolder {

	private OutputFolder() {
	}

	/** {@code base/names...}; refuses a path that, once normalised, is not strictly inside {@code base}. */
	static Path resolve(Path base, String... names) {
		Path path = base;
		for (String name : names) {
			path = path.resolve(name);
		}
		Path root = base.toAbsolutePath().normalize();
		Path target = path.toAbsolutePath().normalize();
		if (!target.startsWith(root) || target.equals(root)) {
			throw new IllegalArgumentException("Refusing to write " + target + ": it is outside the output folder " + root + " (the name \""
					+ String.join("/", names) + "\" is not a plain file name)");
		}
		return path.normalize();
	}

}

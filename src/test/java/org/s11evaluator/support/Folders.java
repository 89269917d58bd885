package org.s11evaluator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a folder tree, for tests that edit a copy of the rule packs. */
public final class Folders {

	private Folders() {
	}

	public static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path source : files.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new temporary folder, removed when the tests' JVM exits. */
	public static Path temporary(String prefix) {
		try {
			Path folder = Files.createTempDirectory(prefix);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> empty(folder)));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes everything inside the folder (not the folder itself). */
	public static void empty(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(java.util.Comparator.reverseOrder()).filter((f) -> !f.equals(folder)).forEach((f) -> f.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

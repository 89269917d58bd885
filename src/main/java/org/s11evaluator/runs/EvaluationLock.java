package org.s11evaluator.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A database-wide lock held for the whole of an evaluation run (MySQL/MariaDB {@code GET_LOCK}). The server
 * releases it when the holding connection ends, so a run whose process died never blocks the next one, and
 * a job execution still marked STARTED while nobody holds the lock is known to be stale.
 * <p>
 * {@code GET_LOCK} names are server-wide, so the name includes the schema: evaluators with their own
 * databases on one server (live and training, or test runs side by side) do not refuse each other's runs.
 */
public final class EvaluationLock implements AutoCloseable {

	private static final String NAME = "s11-evaluator.evaluation.";

	/** The lock's name for the connection's schema (at most 64 characters, MySQL's limit). */
	private static final String NAME_IN_SCHEMA = "left(concat(?, coalesce(database(), '')), 64)";

	private final Connection connection;

	private EvaluationLock(Connection connection) {
		this.connection = connection;
	}

	/** Takes the lock, or throws {@link EvaluationAlreadyRunningException} if another run holds it. */
	static EvaluationLock acquire(DataSource dataSource) {
		try {
			Connection connection = dataSource.getConnection();
			boolean held = false;
			// wait a few seconds: the lock of a run killed a moment ago goes only when the server has dropped its connection
			try (PreparedStatement lock = connection.prepareStatement("select get_lock(" + NAME_IN_SCHEMA + ", 5)")) {
				lock.setString(1, NAME);
				try (ResultSet result = lock.executeQuery()) {
					held = result.next() && result.getInt(1) == 1;
				}
			}
			finally {
				if (!held) {
					connection.close(); // back to the pool, whether the lock was refused or the query failed
				}
			}
			if (held) {
				return new EvaluationLock(connection);
			}
			throw new EvaluationAlreadyRunningException();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take the evaluation lock: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try (Connection held = this.connection; PreparedStatement release = held.prepareStatement("select release_lock(" + NAME_IN_SCHEMA + ")")) {
			release.setString(1, NAME);
			release.executeQuery().close();
		}
		catch (SQLException ex) {
			// The server releases the lock with the connection anyway.
		}
	}

	/** Another evaluation run is in progress. */
	public static class EvaluationAlreadyRunningException extends RuntimeException {

		EvaluationAlreadyRunningException() {
			super("Another evaluation run is in progress on this database; this one was not started. "
					+ "Wait for it to finish, then run again.");
		}

	}

}

package org.s11evaluator.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A command that cannot reach its database at start-up says so in two lines, with what is safe and what to do,
 * instead of a trace about the bean that first asked for a connection (once 137 lines). The trace is at DEBUG.
 * Any other start-up failure is left to Spring Boot's own report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class DatabaseUnreachableReporter implements SpringBootExceptionReporter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnreachableReporter.class);

	private static final Pattern HOST_AND_DATABASE = Pattern.compile("^jdbc:[a-z]+://(?:[^@/]*@)?([^/?]+)(/[^?;]*)?");

	private final ConfigurableApplicationContext context;

	public DatabaseUnreachableReporter(ConfigurableApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean reportException(Throwable failure) {
		if (!unreachable(failure)) {
			return false;
		}
		String url = (this.context != null) ? this.context.getEnvironment().getProperty("spring.datasource.url") : null;
		Matcher where = HOST_AND_DATABASE.matcher((url != null) ? url : "");
		String database = where.find() ? where.group(1) + ((where.group(2) != null) ? where.group(2) : "") : "the embedded database";
		log.error("The database could not be reached at {} ({}). Nothing was read or changed. Check that the server is running "
				+ "and reachable (SPRING_DATASOURCE_URL, batch-config/database.yml), then run the command again.", database,
				NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
		log.debug("Start-up failed", failure);
		return true;
	}

	/** Whether a failure comes from a database that could not be reached (refused, lost or timed out), not from the data. */
	public static boolean unreachable(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException
					|| (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

}

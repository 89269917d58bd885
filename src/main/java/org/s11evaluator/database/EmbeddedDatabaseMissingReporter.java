package org.s11evaluator.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** A jar without the embedded database, started with no database URL, says what to set, in one line: no trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class EmbeddedDatabaseMissingReporter implements SpringBootExceptionReporter {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseMissingReporter.class);

	public EmbeddedDatabaseMissingReporter(ConfigurableApplicationContext context) {
	}

	@Override
	public boolean reportException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof EmbeddedDatabaseMissingException missing) {
				log.error(missing.getMessage());
				log.debug("Start-up failed", failure);
				return true;
			}
		}
		return false;
	}

}

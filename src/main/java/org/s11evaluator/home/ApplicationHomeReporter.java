package org.s11evaluator.home;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A command whose home, configuration folder or rules folder is not there says so in one message naming the
 * folders it looked in, instead of Spring Boot's trace. Nothing has been opened or changed at that point.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class ApplicationHomeReporter implements SpringBootExceptionReporter {

	@Override
	public boolean reportException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof ApplicationHomeException missing) {
				System.err.println(missing.getMessage() + " Nothing was read or changed.");
				return true;
			}
		}
		return false;
	}

}

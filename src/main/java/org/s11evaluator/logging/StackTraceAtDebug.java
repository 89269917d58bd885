package org.s11evaluator.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * The {@code %debugEx} of the console pattern (logback-spring.xml): a logged exception's stack trace only when its
 * logger is at DEBUG; otherwise one line naming the deepest cause. An operator reads what happened and what to do
 * in the application's own message; losing the database once printed about 1,300 lines of traces.
 */
public class StackTraceAtDebug extends ThrowableProxyConverter {

	@Override
	public String convert(ILoggingEvent event) {
		IThrowableProxy thrown = event.getThrowableProxy();
		if (thrown == null) {
			return "";
		}
		if (getContext() instanceof LoggerContext loggers) {
			Logger logger = loggers.getLogger(event.getLoggerName());
			if (logger.isDebugEnabled()) {
				return super.convert(event);
			}
		}
		IThrowableProxy root = thrown;
		for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage().strip().lines().findFirst().orElse("") : "";
		return "  cause: " + root.getClassName().substring(root.getClassName().lastIndexOf('.') + 1)
				+ (message.isEmpty() ? "" : ": " + message) + " (stack trace at DEBUG)" + System.lineSeparator();
	}

}

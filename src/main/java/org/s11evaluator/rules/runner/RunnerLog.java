package org.s11evaluator.rules.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner's standard error, into this application's log, a line at a time: control characters escaped (a rule
 * cannot forge log lines), lines cut at {@link LogText#MAX} characters, and at most {@value #MAX_LINES} lines
 * per runner (a rule cannot flood the log).
 */
final class RunnerLog {

	private static final Logger log = LoggerFactory.getLogger(RunnerLog.class);

	static final int MAX_LINES = 1_000;

	private RunnerLog() {
	}

	static void drain(InputStream errors, long pid) {
		Thread drain = new Thread(() -> {
			int lines = 0;
			try (errors) {
				ByteArrayOutputStream line = new ByteArrayOutputStream();
				int b;
				while ((b = errors.read()) >= 0) {
					if (b != '\n' && line.size() < LogText.MAX) {
						line.write(b);
						continue;
					}
					if (b != '\n') {
						continue; // the rest of an overlong line
					}
					if (++lines <= MAX_LINES) {
						log.warn("rule runner {}: {}", pid, LogText.escape(line.toString(StandardCharsets.UTF_8)));
					}
					else if (lines == MAX_LINES + 1) {
						log.warn("rule runner {}: more than {} lines on its error output; the rest is not logged", pid, MAX_LINES);
					}
					line.reset();
				}
			}
			catch (IOException ex) {
				// the runner ended
			}
		}, "rule-runner-stderr");
		drain.setDaemon(true);
		drain.start();
	}

}

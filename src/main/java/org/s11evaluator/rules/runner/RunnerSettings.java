package org.s11evaluator.rules.runner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where rules run and their budgets ({@code s11.rules.runner} in {@code batch-config/rules.yml}): in a separate
 * rule-runner process ({@code isolated}, the default) or in this one; how long one return may take
 * ({@code per-return-timeout}); the runner's heap ({@code memory}); and how many runners the evaluation threads
 * share at most ({@code processes}; unset, half this machine's processors, at least one). A bad value stops start-up
 * saying why.
 */
@ConfigurationProperties("s11.rules.runner")
public record RunnerSettings(@DefaultValue("true") boolean isolated, @DefaultValue("5s") Duration perReturnTimeout,
		@DefaultValue("256MB") DataSize memory, Integer processes) {

	static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

	static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

	static final DataSize MIN_MEMORY = DataSize.ofMegabytes(64);

	static final DataSize MAX_MEMORY = DataSize.ofGigabytes(16);

	static final int MAX_PROCESSES = 64;

	public RunnerSettings {
		if (perReturnTimeout == null || perReturnTimeout.compareTo(MIN_TIMEOUT) < 0 || perReturnTimeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new IllegalArgumentException("s11.rules.runner.per-return-timeout is "
					+ ((perReturnTimeout != null) ? perReturnTimeout.toMillis() + "ms" : "not set") + ": it must be between 100ms and 10m, written like 5s or 500ms");
		}
		if (memory == null || memory.compareTo(MIN_MEMORY) < 0 || memory.compareTo(MAX_MEMORY) > 0) {
			throw new IllegalArgumentException("s11.rules.runner.memory is "
					+ ((memory != null) ? memory.toMegabytes() + "MB" : "not set") + ": it must be between 64MB and 16GB, written like 256MB or 1GB");
		}
		if (processes == null) {
			processes = defaultProcesses();
		}
		if (processes < 1 || processes > MAX_PROCESSES) {
			throw new IllegalArgumentException("s11.rules.runner.processes is " + processes + ": it must be between 1 and " + MAX_PROCESSES
					+ " (leave it out for half this machine's processors)");
		}
	}

	/**
	 * Half the processors, at least one: a runner is a JVM that compiles every pack it is given and warms up on its
	 * own, so on a small machine the evaluation threads share one runner rather than each paying for its own.
	 */
	static int defaultProcesses() {
		return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

	/** The defaults, as when {@code batch-config/rules.yml} says nothing. */
	public static RunnerSettings defaults() {
		return new RunnerSettings(true, Duration.ofSeconds(5), DataSize.ofMegabytes(256), null);
	}

	long memoryMegabytes() {
		return this.memory.toMegabytes();
	}

	/** "5 s" or "500 ms", for messages. */
	String timeoutText() {
		long millis = this.perReturnTimeout.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}

package org.s11evaluator.rules.runner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where rules run and their budgets ({@code s11.rules.runner} in {@code batch-config/rules.yml}): in a separate
 * rule-runner process ({@code isolated}, the default) or in this one; how long one return may take
 * ({@code per-return-timeout}); and the runner's heap ({@code memory}). A bad value stops start-up saying why.
 */
@ConfigurationProperties("s11.rules.runner")
public record RunnerSettings(@DefaultValue("true") boolean isolated, @DefaultValue("5s") Duration perReturnTimeout,
		@DefaultValue("256MB") DataSize memory) {

	static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

	static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

	static final DataSize MIN_MEMORY = DataSize.ofMegabytes(64);

	static final DataSize MAX_MEMORY = DataSize.ofGigabytes(16);

	public RunnerSettings {
		if (perReturnTimeout == null || perReturnTimeout.compareTo(MIN_TIMEOUT) < 0 || perReturnTimeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new IllegalArgumentException("s11.rules.runner.per-return-timeout is "
					+ ((perReturnTimeout != null) ? perReturnTimeout.toMillis() + "ms" : "not set") + ": it must be between 100ms and 10m, written like 5s or 500ms");
		}
		if (memory == null || memory.compareTo(MIN_MEMORY) < 0 || memory.compareTo(MAX_MEMORY) > 0) {
			throw new IllegalArgumentException("s11.rules.runner.memory is "
					+ ((memory != null) ? memory.toMegabytes() + "MB" : "not set") + ": it must be between 64MB and 16GB, written like 256MB or 1GB");
		}
	}

	/** The defaults, as when {@code batch-config/rules.yml} says nothing. */
	public static RunnerSettings defaults() {
		return new RunnerSettings(true, Duration.ofSeconds(5), DataSize.ofMegabytes(256));
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

package org.s11evaluator.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Starts each test run from an empty schema: Flyway cleans once, then migrates. */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfiguration {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOnceThenMigrate() {
		return (flyway) -> {
			if (cleaned.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

	@Bean
	DatabaseCleaner databaseCleaner(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		return new DatabaseCleaner(jdbc);
	}

	@Bean
	SampleCycles sampleCycles(org.s11evaluator.cycle.CycleManagement cycles, org.s11evaluator.submission.SubmissionImport submissions) {
		return new SampleCycles(cycles, submissions);
	}

}

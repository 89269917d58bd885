package org.s11evaluator.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.support.DatabaseCleaner;
import org.s11evaluator.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application's Clock bean is the time the import stamps on a return: a fixed clock gives a fixed {@code imported_at}. */
@IntegrationTest
@Import(FixedClockIntegrationTests.FixedClock.class)
class FixedClockIntegrationTests {

	static final Instant FIXED = Instant.parse("2025-06-30T09:15:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(FIXED, org.s11evaluator.cycle.AuditCalendar.ZONE);
		}

	}

	@Autowired
	SubmissionImport submissions;

	@Autowired
	CycleManagement cycles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseCleaner database;

	@BeforeEach
	void clean() {
		this.database.clean();
	}

	@Test
	void aReturnImportedUnderAFixedClockIsStampedWithThatClocksTime() {
		this.cycles.open(Path.of("samples/pan-sussex-2025/cycle.yaml"));
		this.submissions.importPaths(List.of(Path.of("samples/pan-sussex-2025/submissions")), Optional.empty());

		List<LocalDateTime> stamps = this.jdbc.sql("select distinct imported_at from submission").query(LocalDateTime.class).list();
		assertThat(stamps).containsExactly(LocalDateTime.ofInstant(FIXED, ZoneOffset.UTC));
	}

}

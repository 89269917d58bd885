package org.s11evaluator.cycle;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCalendarTests {

	@Test
	void aReturnSentJustAfterMidnightInSummerWasSentOnTheEnglishDay() {
		// 00:30 BST on 1 July 2025 is 23:30 UTC on 30 June
		LocalDateTime storedUtc = LocalDateTime.ofInstant(OffsetDateTime.parse("2025-07-01T00:30:00+01:00").toInstant(), ZoneOffset.UTC);

		assertThat(storedUtc.toLocalDate()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(AuditCalendar.dayOf(storedUtc)).isEqualTo(LocalDate.of(2025, 7, 1));
	}

	@Test
	void inWinterTheEnglishDayIsTheUtcDay() {
		assertThat(AuditCalendar.dayOf(LocalDateTime.of(2025, 1, 31, 23, 59))).isEqualTo(LocalDate.of(2025, 1, 31));
	}

	@Test
	void aTimeWrittenWithoutAnOffsetIsReadAsEnglishTime() {
		assertThat(AuditCalendar.instantOf(LocalDateTime.of(2025, 7, 1, 0, 30))).isEqualTo(OffsetDateTime.parse("2025-06-30T23:30:00Z").toInstant());
	}

}

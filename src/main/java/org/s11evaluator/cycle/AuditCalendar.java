package org.s11evaluator.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which day something happened on, for deadlines and due dates: the day in England (Europe/London), where
 * Section 11 audits are run. Times are stored in UTC; a return sent at 00:30 BST on 1 July was sent on
 * 1 July, although it is still 30 June in UTC.
 */
public final class AuditCalendar {

	public static final ZoneId ZONE = ZoneId.of("Europe/London");

	private AuditCalendar() {
	}

	/** The day in England of a time stored as a UTC date-time. */
	public static LocalDate dayOf(LocalDateTime utc) {
		return (utc == null) ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toLocalDate();
	}

	/** A time stored as UTC, as local time in England. */
	public static LocalDateTime local(LocalDateTime utc) {
		return (utc == null) ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE).toLocalDateTime();
	}

	/** A time written without an offset, read as local time in England. */
	public static Instant instantOf(LocalDateTime local) {
		return local.atZone(ZONE).toInstant();
	}

}

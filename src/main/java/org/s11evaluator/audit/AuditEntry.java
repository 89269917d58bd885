package org.s11evaluator.audit;

import java.time.LocalDateTime;

/**
 * One entry of the audit trail: when (UTC), which cycle, what happened ({@code action}) to what ({@code subject}),
 * the detail, who did it ({@code actor}: the operator) and why.
 */
public record AuditEntry(long id, LocalDateTime occurredAt, String cycleId, AuditAction action, String subject, String detail,
		String actor, String reason) {

	/** The entry on one plain line: its text is whatever was recorded, with line breaks shown as spaces. */
	public String line() {
		StringBuilder line = new StringBuilder().append(this.occurredAt).append(" UTC  ").append(this.action.words()).append(": ")
			.append(this.subject);
		if (this.detail != null && !this.detail.isBlank()) {
			line.append(" (").append(this.detail).append(")");
		}
		line.append("; by ").append(this.actor);
		if (this.reason != null && !this.reason.isBlank()) {
			line.append("; why: ").append(this.reason);
		}
		return line.toString().replaceAll("[\\r\\n\\t]+", " ");
	}

}

package org.s11evaluator.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail: every change to any cycle (imports, evaluation runs, closing, reopening, the first use of a
 * rule-pack version, retention), with when, what, by whom and why, so a board or an inspector can ask "what did the
 * partnership know, and when?". Entries are only ever added. The operator is {@code s11.operator} (in
 * {@code batch-config/audit.yml}), else the operating-system user running the evaluator.
 */
@Service
public class AuditTrail {

	private static final int SUBJECT_LENGTH = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String operator;

	AuditTrail(JdbcClient jdbc, Clock clock, @Value("${s11.operator:}") String operator) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.operator = operator.isBlank() ? System.getProperty("user.name", "unknown") : operator.strip();
	}

	/** Who is recorded as having done what this process does. */
	public String operator() {
		return this.operator;
	}

	/** Records that {@code action} happened to {@code subject} of a cycle (null for none), with its detail and why. */
	public void record(String cycleId, AuditAction action, String subject, String detail, String reason) {
		String what = (subject.length() > SUBJECT_LENGTH) ? subject.substring(0, SUBJECT_LENGTH) : subject;
		this.jdbc.sql("""
				insert into audit_event (occurred_at, cycle_id, action, subject, detail, actor, reason)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), cycleId, action.name(), what, detail, this.operator, reason)
			.update();
	}

	/** Whether this action was recorded for this subject of the cycle already (a rule-pack version's first use, say). */
	public boolean recorded(String cycleId, AuditAction action, String subject) {
		return this.jdbc.sql("select count(*) from audit_event where cycle_id = ? and action = ? and subject = ?")
			.params(cycleId, action.name(), subject)
			.query(Integer.class)
			.single() > 0;
	}

	/** Everything that happened to a cycle, oldest first. */
	public List<AuditEntry> history(String cycleId) {
		return this.jdbc.sql("""
				select id, occurred_at, cycle_id, action, subject, detail, actor, reason from audit_event
				where cycle_id = ? order by id""")
			.param(cycleId)
			.query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, LocalDateTime.class), rs.getString(3),
					AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

}

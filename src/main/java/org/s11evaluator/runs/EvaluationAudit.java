package org.s11evaluator.runs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts each evaluation run on the audit trail of every cycle it evaluated returns of (how many, by which pack
 * version, how many could not be), and the first use of a rule-pack version in a cycle.
 */
@Component
class EvaluationAudit implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(EvaluationAudit.class);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	EvaluationAudit(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public void afterJob(JobExecution execution) {
		try {
			record(execution);
		}
		catch (RuntimeException ex) {
			// the run's outcome stands; its report says it, and the trail says what it could
			log.error("Evaluation run {} could not be put on the audit trail: {}", execution.getId(), LogValues.escape(ex.getMessage()));
		}
	}

	private void record(JobExecution execution) {
		LocalDateTime startedUtc = LocalDateTime.ofInstant(execution.getStartTime().atZone(ZoneId.systemDefault()).toInstant(), ZoneOffset.UTC);
		String run = "evaluation run " + execution.getId() + " (" + execution.getStatus() + ")";
		this.jdbc.sql("""
				select s.cycle_id, e.pack_id, e.pack_version, count(*) from evaluation e join submission s on s.id = e.submission_id
				where e.job_execution_id = ? and e.status = 'EVALUATED' group by s.cycle_id, e.pack_id, e.pack_version""")
			.param(execution.getId())
			.query((rs) -> {
				String cycle = rs.getString(1);
				String version = rs.getString(2) + " version " + rs.getString(3);
				this.audit.record(cycle, AuditAction.EVALUATION_RUN, run, rs.getInt(4) + " return(s) evaluated by rule pack " + version, null);
				if (!this.audit.recorded(cycle, AuditAction.PACK_VERSION_FIRST_USED, version)) {
					this.audit.record(cycle, AuditAction.PACK_VERSION_FIRST_USED, version, "by " + run, null);
				}
			});
		this.jdbc.sql("""
				select s.cycle_id, count(*), min(substring_index(e.failure, '\\n', 1)) from evaluation e join submission s on s.id = e.submission_id
				where e.status = 'FAILED' and e.failed_at >= ? group by s.cycle_id""")
			.param(startedUtc)
			.query((rs) -> {
				this.audit.record(rs.getString(1), AuditAction.EVALUATION_RUN, run, rs.getInt(2) + " return(s) could not be evaluated",
						rs.getString(3));
			});
	}

}

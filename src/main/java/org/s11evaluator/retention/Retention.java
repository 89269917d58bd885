package org.s11evaluator.retention;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.CycleClosure;
import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.evaluation.RunReports;
import org.s11evaluator.submission.ContactDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Applies retention ({@link RetentionSettings}): removes Spring Batch's records of runs that ended longer ago than
 * the period, through Spring Batch's own API ({@link JobRepository#deleteJobExecution}, {@link JobRepository#deleteJobInstance}),
 * and their run reports; and removes the contact details of returns whose cycle closed longer ago than its period.
 * Each removal is on the audit trail. Nothing a published edition needs is touched: editions, their stored summaries,
 * results, ratings, returns' content hashes and the trail itself are kept.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final RetentionSettings settings;

	private final JobExplorer explorer;

	private final JobRepository repository;

	private final RunReports runReports;

	private final CycleManagement cycles;

	private final ContactDetails contactDetails;

	private final AuditTrail audit;

	private final Clock clock;

	Retention(RetentionSettings settings, JobExplorer explorer, JobRepository repository, RunReports runReports, CycleManagement cycles,
			ContactDetails contactDetails, AuditTrail audit, Clock clock) {
		this.settings = settings;
		this.explorer = explorer;
		this.repository = repository;
		this.runReports = runReports;
		this.cycles = cycles;
		this.contactDetails = contactDetails;
		this.audit = audit;
		this.clock = clock;
	}

	/** What one application of retention removed. */
	public record Applied(int jobInstances, int jobExecutions, int runReports, int returnsWithContactDetails) {
	}

	/** Applies retention now; {@code current} (the run applying it, or null) is never removed. */
	public Applied apply(JobExecution current) {
		LocalDateTime metadataBefore = LocalDateTime.now(this.clock.withZone(ZoneId.systemDefault())).minus(this.settings.metadataOlderThan());
		int instances = 0;
		int executions = 0;
		for (String job : this.explorer.getJobNames()) {
			for (JobInstance instance : this.explorer.getJobInstances(job, 0, Integer.MAX_VALUE)) {
				var all = this.explorer.getJobExecutions(instance);
				boolean old = all.stream().allMatch((e) -> !e.isRunning() && e.getEndTime() != null && e.getEndTime().isBefore(metadataBefore)
						&& (current == null || !e.getId().equals(current.getId())));
				if (old) {
					all.forEach(this.repository::deleteJobExecution);
					this.repository.deleteJobInstance(instance);
					instances++;
					executions += all.size();
				}
			}
		}
		int reports = this.runReports.removeEndedBefore(metadataBefore);
		if (instances + reports > 0) {
			this.audit.record(null, AuditAction.RETENTION, "run records before " + metadataBefore, instances + " job instance(s), " + executions
					+ " job execution(s) and " + reports + " run report(s) removed", "older than s11.retention.metadata-older-than "
					+ this.settings.metadataOlderThan());
		}
		LocalDateTime closedBefore = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).minus(this.settings.contactDetailsAfterClose());
		int returns = 0;
		for (CycleClosure closed : this.cycles.closedBefore(closedBefore)) {
			int removed = this.contactDetails.remove(closed.cycleId());
			if (removed > 0) {
				this.audit.record(closed.cycleId(), AuditAction.RETENTION, "contact details of " + removed + " return(s)",
						"completedBy email and phone removed; names, roles and published editions kept",
						"the cycle closed " + closed.closedAt() + " UTC, longer ago than s11.retention.contact-details-after-close "
								+ this.settings.contactDetailsAfterClose());
				returns += removed;
			}
		}
		Applied applied = new Applied(instances, executions, reports, returns);
		log.info("Retention: {} job instance(s) ({} execution(s)) and {} run report(s) older than {} removed; contact details removed from {} return(s)",
				instances, executions, reports, this.settings.metadataOlderThan(), returns);
		return applied;
	}

}

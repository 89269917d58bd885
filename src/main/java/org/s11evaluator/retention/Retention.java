package org.s11evaluator.retention;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.s11evaluator.audit.AuditAction;
import org.s11evaluator.audit.AuditTrail;
import org.s11evaluator.cycle.CycleClosure;
import org.s11evaluator.cycle.CycleManagement;
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

	private final RetainedRunRecords runReports;

	private final CycleManagement cycles;

	private final ContactDetails contactDetails;

	private final AuditTrail audit;

	private final Clock clock;

	Retention(RetentionSettings settings, JobExplorer explorer, JobRepository repository, RetainedRunRecords runReports, CycleManagement cycles,
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

	/** Instances are read a page at a time, oldest first, until one that is not old enough: a night reads a page or so. */
	private static final int PAGE = 100;

	/**
	 * Removes the job's instances whose every execution ended before the time given, oldest first, stopping at the
	 * first that did not (instances are numbered in the order they were created), so each night reads little more
	 * than what it removes.
	 */
	private void removeOldRuns(String job, LocalDateTime before, JobExecution current, int[] removed) {
		while (true) {
			long total;
			try {
				total = this.explorer.getJobInstanceCount(job);
			}
			catch (org.springframework.batch.core.launch.NoSuchJobException ex) {
				return;
			}
			int start = (int) Math.max(0, total - PAGE);
			java.util.List<JobInstance> page = new java.util.ArrayList<>(this.explorer.getJobInstances(job, start, PAGE));
			java.util.Collections.reverse(page); // oldest first
			int removedHere = 0;
			for (JobInstance instance : page) {
				var all = this.explorer.getJobExecutions(instance);
				if (all.isEmpty()) {
					continue; // no execution to date it by
				}
				boolean old = all.stream().allMatch((e) -> !e.isRunning() && e.getEndTime() != null && e.getEndTime().isBefore(before)
						&& (current == null || !e.getId().equals(current.getId())));
				if (!old) {
					return;
				}
				all.forEach(this.repository::deleteJobExecution);
				this.repository.deleteJobInstance(instance);
				removed[0]++;
				removed[1] += all.size();
				removedHere++;
			}
			if (page.size() < PAGE || removedHere == 0) {
				return;
			}
		}
	}

	/** Applies retention now; {@code current} (the run applying it, or null) is never removed. */
	public Applied apply(JobExecution current) {
		LocalDateTime metadataBefore = LocalDateTime.now(this.clock.withZone(ZoneId.systemDefault())).minus(this.settings.metadataOlderThan());
		int[] runs = new int[2];
		for (String job : this.explorer.getJobNames()) {
			removeOldRuns(job, metadataBefore, current, runs);
		}
		int instances = runs[0];
		int executions = runs[1];
		int reports = this.runReports.removeEndedBefore(metadataBefore);
		if (instances + reports > 0) {
			this.audit.record(null, AuditAction.RETENTION, "run records before " + metadataBefore, instances + " job instance(s), " + executions
					+ " job execution(s) and " + reports + " run report(s) removed", "older than s11.retention.metadata-older-than "
					+ this.settings.metadataOlderThan());
		}
		LocalDateTime closedBefore = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).minus(this.settings.contactDetailsAfterClose());
		int returns = 0;
		java.util.List<CycleClosure> closedCycles = this.cycles.closedBefore(closedBefore);
		Map<String, Integer> removedByCycle = this.contactDetails.remove(closedCycles.stream().map(CycleClosure::cycleId).toList());
		for (CycleClosure closed : closedCycles) {
			int removed = removedByCycle.getOrDefault(closed.cycleId(), 0);
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

package org.s11evaluator.runs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.s11evaluator.cycle.CycleQueries;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.evaluation.RunEvaluations;
import org.s11evaluator.logging.LogValues;
import org.s11evaluator.partnershiprating.PartnershipRatingStepConfiguration;
import org.s11evaluator.reporting.SummaryStepConfiguration;
import org.s11evaluator.retention.RetainedRunRecords;
import org.s11evaluator.submission.StoredReturns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a report at the end of every evaluation run, to the log and the database, and lists recent ones. Each
 * report is also published as an application event, for whoever watches the runs (monitoring).
 */
@Component
public class RunReports implements JobExecutionListener, RetainedRunRecords {

	private static final Logger log = LoggerFactory.getLogger(RunReports.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	private final CycleQueries cycles;

	private final RunEvaluations evaluations;

	private final StoredReturns returns;

	RunReports(JdbcClient jdbc, ApplicationEventPublisher events, java.time.Clock clock, CycleQueries cycles, RunEvaluations evaluations,
			StoredReturns returns) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.evaluations = evaluations;
		this.returns = returns;
		this.clock = clock;
		this.events = events;
	}

	@Override
	public void afterJob(JobExecution execution) {
		String scope = execution.getJobParameters().getString(EvaluationSteps.CYCLE_PARAMETER);
		int evaluated = evaluated(execution);
		int skipped = skipped(execution);
		int summaries = summariesWritten(execution);
		String broken = brokenPacks(execution);
		LocalDateTime started = execution.getStartTime();
		LocalDateTime ended = (execution.getEndTime() != null) ? execution.getEndTime() : LocalDateTime.ofInstant(this.clock.instant(), ZoneId.systemDefault());
		// failures are stamped in UTC; the job's own times are the JVM's local time
		LocalDateTime startedUtc = LocalDateTime.ofInstant(started.atZone(ZoneId.systemDefault()).toInstant(), ZoneOffset.UTC);
		// the run's failures in its scope's cycles, counted by the first line of why, in order of that line
		java.util.Set<String> cycles = new java.util.HashSet<>(this.cycles.idsInScope(scope));
		java.util.Map<String, Integer> byReason = new java.util.TreeMap<>();
		for (RunEvaluations.Failed f : this.evaluations.failedSince(startedUtc)) {
			if (cycles.contains(f.cycleId())) {
				byReason.merge(f.reason(), 1, Integer::sum);
			}
		}
		String reasons = byReason.entrySet().stream().map((e) -> e.getValue() + " x " + e.getKey()).collect(Collectors.joining("\n"));
		int rejected = this.returns.rejectedFiles(cycles);
		String failure = String.join("; ", reasons(execution));
		if (!failure.isEmpty() && execution.getStatus().isUnsuccessful()
				&& !execution.getExitStatus().getExitDescription().contains(failure)) {
			// the job execution itself says why, not only the report: a run that failed for want of a partition
			// has no exception of its own in Spring Batch's tables
			execution.setExitStatus(execution.getExitStatus().addExitDescription(failure));
		}
		RunReport report = new RunReport(execution.getId(), scope, execution.getStatus().name(), started, ended, evaluated, skipped, rejected,
				summaries, broken, reasons, failure);
		this.jdbc.sql("""
				insert into run_report (job_execution_id, scope, status, started_at, ended_at, evaluated, skipped, rejected_files,
				  summaries_written, broken_packs, skip_reasons, failure) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on duplicate key update status = values(status), ended_at = values(ended_at), evaluated = values(evaluated),
				  skipped = values(skipped), summaries_written = values(summaries_written), broken_packs = values(broken_packs),
				  skip_reasons = values(skip_reasons), failure = values(failure)""")
			.params(report.jobExecutionId(), scope, report.status(), started, ended, evaluated, skipped, rejected, summaries, broken, reasons,
					failure.isEmpty() ? null : failure)
			.update();
		// one line: the report quotes why returns were not evaluated, in words that may come from them
		// one log line per line of the report, each escaped: the report's own line breaks stay readable, a break inside
		// a value taken from a return or a rule file cannot forge a line
		report.describe().lines().forEach((line) -> log.info("{}", LogValues.escape(line)));
		this.events.publishEvent(report);
	}

	/**
	 * Why a run did not complete, one plain reason each: a database that went away is said once, in those words,
	 * not as Spring's wrappers of it ("Could not open JDBC Connection for transaction", "JDBC rollback failed"),
	 * and Spring Batch's "Partition handler returned an unsuccessful step" gives way to the partitions named.
	 */
	public static List<String> reasons(JobExecution execution) {
		List<Throwable> failures = execution.getAllFailureExceptions();
		java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
		failures.stream().filter(RunReports::databaseLost).findFirst()
			.ifPresent((lost) -> reasons.add("the database could not be reached during the run ("
					+ org.springframework.core.NestedExceptionUtils.getMostSpecificCause(lost).getMessage() + ")"));
		failures.stream()
			.filter((ex) -> !databaseLost(ex))
			.map(Throwable::getMessage)
			.filter((message) -> message != null && !message.equals("Partition handler returned an unsuccessful step"))
			.forEach(reasons::add);
		return List.copyOf(reasons);
	}

	private static boolean databaseLost(Throwable failure) {
		return org.s11evaluator.database.DatabaseUnreachableReporter.unreachable(failure)
				|| failure instanceof org.springframework.transaction.TransactionException
				|| failure instanceof org.springframework.dao.DataAccessResourceFailureException;
	}

	/**
	 * The cycles the ratings step could not rate for a broken pack; not whatever else ended that step (a run killed
	 * during its ratings was once reported as "broken packs: process stopped while running").
	 */
	static String brokenPacks(JobExecution execution) {
		return step(execution, PartnershipRatingStepConfiguration.RATE_STEP)
			.filter((s) -> PartnershipRatingStepConfiguration.BROKEN_PACKS.equals(s.getExitStatus().getExitCode()))
			.map((s) -> s.getExitStatus().getExitDescription())
			.filter((d) -> d != null && !d.isBlank())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Returns a run evaluated: the sum over its partnerships' parts (not the partitioned step's own total,
	 * which is only added up when the step ends, so a run that died midway would report none).
	 */
	public static int evaluated(JobExecution execution) {
		return (int) partitions(execution).mapToLong(StepExecution::getWriteCount).sum();
	}

	/** Board summaries a run wrote (their content had changed). */
	public static int summariesWritten(JobExecution execution) {
		return step(execution, SummaryStepConfiguration.SUMMARISE_STEP).mapToInt((s) -> s.getExecutionContext().getInt(SummaryStepConfiguration.SUMMARIES_WRITTEN, 0)).sum();
	}

	/** Returns a run could not evaluate. */
	public static int skipped(JobExecution execution) {
		return (int) partitions(execution).mapToLong(StepExecution::getProcessSkipCount).sum();
	}

	private static java.util.stream.Stream<StepExecution> partitions(JobExecution execution) {
		return execution.getStepExecutions().stream()
			.filter((s) -> s.getStepName().startsWith(EvaluationSteps.PARTNERSHIP_STEP + ":"));
	}

	/**
	 * Reports a run found still marked running by the next run: its process stopped before it could report
	 * (killed, or cut off from the database), and without this the failed run would leave no report at all.
	 */
	void afterStoppedRun(JobExecution execution) {
		execution.addFailureException(new IllegalStateException(
				"its process stopped before the run ended (killed, or cut off from the database); the next run took over"));
		afterJob(execution);
	}

	/** When the latest completed run ended, in the job's own time (the JVM's zone). */
	public java.util.Optional<LocalDateTime> lastCompletedEndedAt() {
		return this.jdbc.sql("select ended_at from run_report where status = 'COMPLETED' order by ended_at desc limit 1")
			.query(LocalDateTime.class)
			.optional();
	}

	/** The most recent runs, newest first. */
	public List<RunReport> recent(int count) {
		return this.jdbc.sql("""
				select job_execution_id, scope, status, started_at, ended_at, evaluated, skipped, rejected_files, summaries_written,
				  broken_packs, skip_reasons, failure from run_report order by job_execution_id desc limit ?""")
			.param(count)
			.query(RunReport.class)
			.list();
	}

	private static java.util.stream.Stream<StepExecution> step(JobExecution execution, String name) {
		return execution.getStepExecutions().stream().filter((s) -> s.getStepName().equals(name));
	}

	/** Removes the reports of runs that ended before the time given (the JVM's local time, as the runs record it). */
	@Override
	public int removeEndedBefore(LocalDateTime before) {
		return this.jdbc.sql("delete from run_report where ended_at < ?").param(before).update();
	}

}

package org.s11evaluator.runs;

import org.s11evaluator.evaluation.EvaluationSteps;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Launches the evaluation of a cycle, or of every open cycle. Only one run at a time: a second is refused.
 * If the last run for the same scope did not complete (it failed, or its process was killed), that run is
 * restarted from its last committed chunk instead of starting afresh.
 */
@Service
public class EvaluationManagement {

	private static final Logger log = LoggerFactory.getLogger(EvaluationManagement.class);

	private final JobLauncher launcher;

	private final Job job;

	private final JobExplorer explorer;

	private final JobRepository repository;

	private final DataSource dataSource;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	private final RunReports runReports;

	private final RunHeartbeats heartbeats;

	private final Clock clock;

	private final org.s11evaluator.cycle.CycleQueries cycles;

	private final org.s11evaluator.submission.StoredReturns returns;

	EvaluationManagement(JobLauncher launcher, Job evaluateCycleJob, JobExplorer explorer, JobRepository repository,
			DataSource dataSource, org.springframework.jdbc.core.JdbcTemplate jdbc, RunReports runReports, RunHeartbeats heartbeats, Clock clock,
			org.s11evaluator.cycle.CycleQueries cycles, org.s11evaluator.submission.StoredReturns returns) {
		this.clock = clock;
		this.cycles = cycles;
		this.returns = returns;
		this.heartbeats = heartbeats;
		this.jdbc = jdbc;
		this.runReports = runReports;
		this.launcher = launcher;
		this.job = evaluateCycleJob;
		this.explorer = explorer;
		this.repository = repository;
		this.dataSource = dataSource;
	}

	/** Evaluates one cycle's returns that are new or changed, or whose pack changed, since last evaluated. */
	public JobExecution evaluateCycle(String cycleId) {
		return run(cycleId, false);
	}

	/** Evaluates one cycle's returns; with {@code all}, every one of them, changed or not. */
	public JobExecution evaluateCycle(String cycleId, boolean all) {
		return run(cycleId, all);
	}

	/** Evaluates the returns of every open cycle that are new or changed, or whose pack changed. */
	public JobExecution evaluateOpenCycles() {
		return run(EvaluationSteps.ALL_OPEN_CYCLES, false);
	}

	/** Evaluates the returns of every open cycle; with {@code all}, every one of them. */
	public JobExecution evaluateOpenCycles(boolean all) {
		return run(EvaluationSteps.ALL_OPEN_CYCLES, all);
	}

	/**
	 * Does the work while no evaluation run can start (holding the run lock), such as freezing a cycle's record once
	 * its final evaluation is done; refused like a second run if one is in progress.
	 */
	public <T> T withoutRuns(java.util.function.Supplier<T> work) {
		try (EvaluationLock lock = EvaluationLock.acquire(this.dataSource)) {
			return work.get();
		}
	}

	private JobExecution run(String scope, boolean all) {
		try (EvaluationLock lock = EvaluationLock.acquire(this.dataSource)) {
			markStaleExecutionsFailed();
			this.heartbeats.forgetDeadRuns();
			Optional<JobExecution> unfinished = unfinished(scope);
			JobExecution execution = this.launcher.run(this.job, unfinished.map(JobExecution::getJobParameters).orElseGet(() -> fresh(scope, all)));
			if (execution.getStatus() == BatchStatus.COMPLETED && leftUnevaluated(scope) > 0) {
				// A restart resumes after its last committed submission; a return corrected meanwhile, or one
				// replaced while it was evaluated, is evaluated by one more, fresh run.
				log.info("{} return(s) in scope were changed during the run and have no current results: evaluating again", leftUnevaluated(scope));
				execution = this.launcher.run(this.job, fresh(scope, false));
			}
			return execution;
		}
		catch (EvaluationLock.EvaluationAlreadyRunningException ex) {
			throw ex;
		}
		catch (Exception ex) {
			String why = org.s11evaluator.database.DatabaseUnreachableReporter.unreachable(ex) ? "the database could not be reached (" + ex.getMessage() + ")" : ex.getMessage();
			throw new IllegalStateException("The evaluation run stopped: " + why
					+ ". Nothing already committed is lost; run it again (once the database is back, if it went away) to complete it.", ex);
		}
	}

	/** Now, in the JVM's local time, as Spring Batch stamps its executions. */
	private LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneId.systemDefault());
	}

	/**
	 * A new run's parameters. {@code requestedAt} keeps the wall clock (allowed in {@code ClockUseTests}): it is what
	 * makes each launch a new job instance, and a fixed {@code Clock} would make two launches the same instance.
	 */
	private static JobParameters fresh(String scope, boolean all) {
		return new JobParametersBuilder().addString(EvaluationSteps.CYCLE_PARAMETER, scope)
			.addString(EvaluationSteps.MODE_PARAMETER, all ? EvaluationSteps.MODE_ALL : EvaluationSteps.MODE_CHANGED)
			.addLocalDateTime("requestedAt", LocalDateTime.now())
			.toJobParameters();
	}

	/**
	 * Returns in scope with no results for their current version, leaving aside those whose pack is broken (the
	 * submission module counts them, over the cycles the cycle module says are in scope).
	 */
	private long leftUnevaluated(String scope) {
		return this.returns.unevaluatedLeavingFailures(this.cycles.idsInScope(scope));
	}

	/**
	 * The latest run for this scope, if its evaluation step stopped midway (failed, stopped, or found running by
	 * a dead process): it is restarted from its partitions' last commits rather than forgotten. A run whose
	 * evaluation step was left behind as ABANDONED (a partnership failed, and the job went on to its ratings
	 * and summaries) cannot be re-entered by Spring Batch, and one that failed later, in its summaries, has
	 * nothing to resume: both are followed by a fresh run, which selects whatever is still to evaluate.
	 */
	private Optional<JobExecution> unfinished(String scope) {
		List<JobInstance> instances = this.explorer.getJobInstances(RunJobConfiguration.JOB_NAME, 0, 50);
		return instances.stream()
			.flatMap((instance) -> this.explorer.getJobExecutions(instance).stream())
			.filter((execution) -> scope.equals(execution.getJobParameters().getString(EvaluationSteps.CYCLE_PARAMETER)))
			.max(Comparator.comparing(JobExecution::getId))
			.filter((latest) -> latest.getStatus() == BatchStatus.FAILED || latest.getStatus() == BatchStatus.STOPPED)
			.filter((latest) -> latest.getStepExecutions().stream()
				.anyMatch((step) -> step.getStepName().equals(EvaluationSteps.EVALUATE_STEP)
						&& (step.getStatus() == BatchStatus.FAILED || step.getStatus() == BatchStatus.STOPPED)))
			.map((latest) -> {
				log.info("Restarting evaluation run {} (job execution {}, {}), from its last committed chunk",
						latest.getJobInstance().getInstanceId(), latest.getId(), latest.getStatus());
				return latest;
			});
	}

	/**
	 * With the lock held, no other run is alive: an execution still STARTED belongs to a process that died
	 * (killed, or its machine lost) or lost its database. Spring Batch would refuse to restart it, so it is
	 * marked FAILED, and reported.
	 */
	private void markStaleExecutionsFailed() {
		for (JobExecution execution : this.explorer.findRunningJobExecutions(RunJobConfiguration.JOB_NAME)) {
			log.warn("Job execution {} was left {} by a process that stopped; marking it FAILED so it can be restarted",
					execution.getId(), execution.getStatus());
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStatus().isRunning()) {
					step.setStatus(BatchStatus.FAILED);
					step.setExitStatus(ExitStatus.FAILED.addExitDescription("process stopped while running"));
					step.setEndTime(now());
					this.repository.update(step);
				}
			}
			execution.setStatus(BatchStatus.FAILED);
			execution.setExitStatus(ExitStatus.FAILED.addExitDescription("process stopped while running"));
			execution.setEndTime(now());
			this.repository.update(execution);
			// its process could not report it (killed, or cut off from the database): report it now
			this.runReports.afterStoppedRun(execution);
		}
	}

}

package org.s11evaluator.partitioning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.s11evaluator.evaluation.EvaluationSteps;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.dao.OptimisticLockingFailureException;


/**
 * Spring Batch Integration's partition handler (one request per partnership sent to the workers, then the job
 * repository polled until every partnership's step execution has ended), with two things the evaluation needs:
 * <ul>
 * <li>What the workers recorded is copied into the run's own copies of the partnerships' step executions. The
 * handler only returns fresh copies, for the total; the run report, the {@code evaluate} command's summary and
 * {@link RunReports#evaluated} read the job execution's own, which would otherwise still say STARTING, 0 written.
 * The run's progress log is then told how each partnership ended.</li>
 * <li>A partnership not finished when the run stops waiting (its {@code timeout}; or the broker or database
 * failing the run meanwhile) is marked FAILED in the job repository, as the recovery of a dead run does
 * ({@code EvaluationManagement}), so that the run's end is its end: a request still queued for it is ignored
 * when a worker takes it ({@link PartitionRequestListener}), a worker still busy with it loses its next commit
 * to the version check, and a restart of the step is not refused ("Cannot restart step from STARTED status").
 * On a timeout the run goes on without those partnerships, as when a partnership fails: the others are rated
 * and summarised, the run ends FAILED, and the next {@code evaluate} evaluates what they left.</li>
 * </ul>
 */
class RemotePartitionHandler extends MessageChannelPartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

	private final JobExplorer explorer;

	private final JobRepository repository;

	private final Duration timeout;

	private final StepExecutionListener partitionListener;

	/**
	 * @param partitionListener told of each partnership's end once the workers are done, as a local run tells it of
	 *     each as it ends ({@link EvaluationProgress}: the run's log then reads the same)
	 */
	private final Clock clock;

	RemotePartitionHandler(JobExplorer explorer, JobRepository repository, Duration timeout, StepExecutionListener partitionListener,
			Clock clock) {
		this.clock = clock;
		this.explorer = explorer;
		this.repository = repository;
		this.timeout = timeout;
		this.partitionListener = partitionListener;
		setJobExplorer(explorer);
		setTimeout(timeout.toMillis());
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
		if (partitions.isEmpty()) {
			return partitions;
		}
		log.info("{} partnership(s) sent to the workers; waiting for them (at most {})", partitions.size(), this.timeout);
		Set<StepExecution> ended;
		try {
			ended = super.doHandle(manager, partitions);
		}
		catch (Exception ex) {
			String why = (ex instanceof TimeoutException) ? "no worker finished it within s11.evaluation.remote.timeout (" + this.timeout + ")"
					: "the run stopped waiting for it: " + ex;
			try {
				failUnfinished(manager, partitions, why);
			}
			catch (RuntimeException cannot) {
				ex.addSuppressed(cannot);
			}
			if (!(ex instanceof TimeoutException)) {
				throw ex;
			}
			ended = ended(manager, partitions);
		}
		copy(ended, partitions);
		partitions.stream().filter((partition) -> !partition.getStatus().isRunning()).forEach(this.partitionListener::afterStep);
		return partitions;
	}

	private Set<StepExecution> ended(StepExecution manager, Set<StepExecution> partitions) {
		Set<Long> ids = partitions.stream().map(StepExecution::getId).collect(Collectors.toSet());
		return this.explorer.getJobExecution(manager.getJobExecutionId()).getStepExecutions().stream()
			.filter((s) -> ids.contains(s.getId()))
			.collect(Collectors.toSet());
	}

	private void failUnfinished(StepExecution manager, Set<StepExecution> partitions, String why) {
		for (int attempt = 1;; attempt++) {
			try {
				for (StepExecution partition : ended(manager, partitions)) {
					if (partition.getStatus().isRunning()) {
						log.error("Partnership {}: marked FAILED, {}; the next run restarts it", LogValues.escape(partition.getExecutionContext()
							.getString(EvaluationSteps.PARTNERSHIP, partition.getStepName())), why);
						partition.setStatus(BatchStatus.FAILED);
						partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
						partition.setEndTime(LocalDateTime.ofInstant(this.clock.instant(), ZoneId.systemDefault()));
						this.repository.update(partition);
					}
				}
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// a worker committed a chunk of it meanwhile: read it again
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/** What a worker recorded, into the run's own copy of the same step execution. */
	private static void copy(Set<StepExecution> ended, Set<StepExecution> partitions) {
		Map<Long, StepExecution> byId = ended.stream().collect(Collectors.toMap(StepExecution::getId, Function.identity()));
		for (StepExecution own : partitions) {
			StepExecution worker = byId.get(own.getId());
			if (worker == null) {
				continue;
			}
			own.setStatus(worker.getStatus());
			own.setExitStatus(worker.getExitStatus());
			own.setStartTime(worker.getStartTime());
			own.setEndTime(worker.getEndTime());
			own.setLastUpdated(worker.getLastUpdated());
			own.setReadCount(worker.getReadCount());
			own.setWriteCount(worker.getWriteCount());
			own.setCommitCount(worker.getCommitCount());
			own.setRollbackCount(worker.getRollbackCount());
			own.setFilterCount(worker.getFilterCount());
			own.setReadSkipCount(worker.getReadSkipCount());
			own.setProcessSkipCount(worker.getProcessSkipCount());
			own.setWriteSkipCount(worker.getWriteSkipCount());
			own.setExecutionContext(worker.getExecutionContext());
			own.setVersion(worker.getVersion());
			if (worker.getStatus().isUnsuccessful()) {
				// the worker's exception stays in its own process; its exit description says what it was
				String description = worker.getExitStatus().getExitDescription();
				own.addFailureException(new IllegalStateException("partnership " + worker.getExecutionContext()
					.getString(EvaluationSteps.PARTNERSHIP, worker.getStepName()) + " " + worker.getStatus() + " on worker "
						+ worker.getExecutionContext().getString(PartitionRequestListener.EXECUTED_BY, "(none took it)") + ": "
						+ ((description == null || description.isBlank()) ? "no reason recorded" : description.lines().findFirst().orElse(""))));
			}
		}
	}

}

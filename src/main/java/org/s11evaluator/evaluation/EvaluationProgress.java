package org.s11evaluator.evaluation;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Shows how far a run has got, overall and per partnership: returns done out of total, rate, time left, and
 * which partnerships are in hand; and a line as each partnership finishes. Listens to the partitioned step
 * (totals, final line) and, through {@link #partition()}, to every partnership's part of it.
 */
public class EvaluationProgress implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(EvaluationProgress.class);

	private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

	private final EvaluationWork work;

	private final Partition partition = new Partition();

	/** Returns to evaluate, by partnership, and returns done so far, by partnership. */
	private final Map<String, Long> totals = new ConcurrentHashMap<>();

	private final Map<String, Long> done = new ConcurrentHashMap<>();

	private final Map<String, Boolean> finished = new ConcurrentHashMap<>();

	private volatile long total;

	private volatile long started;

	private volatile long lastReport;

	EvaluationProgress(EvaluationWork work) {
		this.work = work;
	}

	/** The listener for each partnership's part of the run. */
	public Partition partition() {
		return this.partition;
	}

	@Override
	public void beforeStep(StepExecution step) {
		String cycle = step.getJobParameters().getString(EvaluationSteps.CYCLE_PARAMETER);
		boolean changedOnly = !EvaluationJobConfiguration.MODE_ALL.equals(step.getJobParameters().getString(EvaluationSteps.MODE_PARAMETER));
		this.totals.clear();
		this.done.clear();
		this.finished.clear();
		this.totals.putAll(this.work.counts(cycle, changedOnly, step.getJobExecutionId()));
		this.total = this.totals.values().stream().mapToLong(Long::longValue).sum();
		this.started = System.nanoTime();
		this.lastReport = this.started;
		String what = org.s11evaluator.cycle.RunScope.describe(cycle);
		if (this.total == 0) {
			log.info("Nothing to evaluate in {}: no return is new or changed, and no rule pack changed, since the last run", what);
		}
		else {
			log.info("Evaluating {} {}submission(s) of {} in {} partnership(s)", this.total, changedOnly ? "new or changed " : "", what,
					this.totals.size());
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		log.info("Evaluation step {}: {} evaluated, {} skipped, {} partnership(s), {} s", step.getStatus(), step.getWriteCount(),
				step.getProcessSkipCount(), this.finished.size(),
				Duration.between(step.getStartTime(), java.time.LocalDateTime.now()).toSeconds());
		return step.getExitStatus();
	}

	private void chunkDone(StepExecution partition) {
		if (this.totals.isEmpty()) {
			return; // a remote worker: the run's totals are the manager's, and this process has none
		}
		String partnership = partnership(partition);
		this.done.put(partnership, partition.getReadCount() + partition.getReadSkipCount());
		long now = System.nanoTime();
		synchronized (this) {
			if (now - this.lastReport < REPORT_EVERY_NANOS) {
				return;
			}
			this.lastReport = now;
		}
		long doneSoFar = this.done.values().stream().mapToLong(Long::longValue).sum();
		double seconds = Math.max((now - this.started) / 1e9, 0.001);
		double rate = doneSoFar / seconds;
		long left = (rate > 0) ? Math.round(Math.max(this.total - doneSoFar, 0) / rate) : 0;
		String inHand = new TreeMap<>(this.done).entrySet().stream()
			.filter((e) -> !this.finished.containsKey(e.getKey()))
			.map((e) -> e.getKey() + " " + e.getValue() + "/" + this.totals.getOrDefault(e.getKey(), 0L))
			.collect(Collectors.joining(", "));
		// "done" counts the returns that could not be evaluated too (the step's line and the run report tell them apart)
		log.info("Done {}/{} submissions ({}%), {}/s, about {} s left; partnerships done {}/{}; in hand: {}", doneSoFar, this.total,
				(this.total == 0) ? 100 : doneSoFar * 100 / this.total, (rate < 10) ? String.format("%.1f", rate) : Math.round(rate), left,
				this.finished.size(), this.totals.size(),
				inHand.isEmpty() ? "none" : LogValues.escape(inHand));
	}

	private void partitionDone(StepExecution partition) {
		String partnership = partnership(partition);
		this.finished.put(partnership, Boolean.TRUE);
		String logged = LogValues.escape(partnership);
		// (a partnership no remote worker started has no start time)
		long millis = (partition.getStartTime() == null) ? 0 : Duration.between(partition.getStartTime(),
				(partition.getEndTime() != null) ? partition.getEndTime() : java.time.LocalDateTime.now()).toMillis();
		if (partition.getStatus().isUnsuccessful()) {
			log.error("Partnership {}: evaluation {} after {} evaluated, {} skipped: {}. The other partnerships carry on; "
					+ "the next run restarts this one.", logged, partition.getStatus(), partition.getWriteCount(),
					partition.getProcessSkipCount(), LogValues.escape(partition.getFailureExceptions().stream().map(Throwable::getMessage)
						.collect(Collectors.joining("; "))));
		}
		else {
			log.info("Partnership {}: {} evaluated, {} skipped in {} ms{}", logged, partition.getWriteCount(),
					partition.getProcessSkipCount(), millis,
					this.totals.isEmpty() ? "" : " (" + this.finished.size() + " of " + this.totals.size() + " partnerships done)");
		}
	}

	private static String partnership(StepExecution partition) {
		return partition.getExecutionContext().getString(PartnershipPartitioner.PARTNERSHIP, partition.getStepName());
	}

	/** Listens to one partnership's part of the run. */
	final class Partition implements ChunkListener, StepExecutionListener {

		@Override
		public void afterChunk(ChunkContext context) {
			chunkDone(context.getStepContext().getStepExecution());
		}

		@Override
		public ExitStatus afterStep(StepExecution step) {
			partitionDone(step);
			return step.getExitStatus();
		}

	}

}

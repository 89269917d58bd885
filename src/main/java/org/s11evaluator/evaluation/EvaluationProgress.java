package org.s11evaluator.evaluation;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shows how far a run has got: submissions done out of total, rate and time left. */
class EvaluationProgress implements StepExecutionListener, ChunkListener {

	private static final Logger log = LoggerFactory.getLogger(EvaluationProgress.class);

	private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

	private final JdbcClient jdbc;

	private final org.s11evaluator.rules.RulePacks packs;

	private long total;

	private long started;

	private long lastReport;

	EvaluationProgress(JdbcClient jdbc, org.s11evaluator.rules.RulePacks packs) {
		this.jdbc = jdbc;
		this.packs = packs;
	}

	@Override
	public void beforeStep(StepExecution step) {
		String cycle = step.getJobParameters().getString("cycle");
		boolean changedOnly = !EvaluationJobConfiguration.MODE_ALL.equals(step.getJobParameters().getString("mode"));
		SubmissionScope.Where where = SubmissionScope.of(cycle, changedOnly, this.packs);
		this.total = this.jdbc.sql("select count(*) from " + SubmissionScope.SUBMISSIONS + " " + where.sql())
			.params(where.parameters())
			.query(Long.class)
			.single();
		this.started = System.nanoTime();
		this.lastReport = this.started;
		String what = EvaluationJobConfiguration.ALL_OPEN_CYCLES.equals(cycle) ? "every open cycle" : "cycle " + cycle;
		if (this.total == 0) {
			log.info("Nothing to evaluate in {}: no return is new or changed, and no rule pack changed, since the last run", what);
		}
		else {
			log.info("Evaluating {} {}submission(s) of {}", this.total, changedOnly ? "new or changed " : "", what);
		}
	}

	@Override
	public void afterChunk(ChunkContext context) {
		long now = System.nanoTime();
		if (now - this.lastReport < REPORT_EVERY_NANOS) {
			return;
		}
		this.lastReport = now;
		StepExecution step = context.getStepContext().getStepExecution();
		long done = step.getReadCount();
		double seconds = Math.max((now - this.started) / 1e9, 0.001);
		double rate = done / seconds;
		long left = (rate > 0) ? Math.round((this.total - done) / rate) : 0;
		log.info("Evaluated {}/{} submissions ({}%), {}/s, about {} s left", done, this.total,
				(this.total == 0) ? 100 : done * 100 / this.total, Math.round(rate), left);
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		log.info("Evaluation step {}: {} evaluated, {} skipped, {} s", step.getStatus(), step.getWriteCount(),
				step.getProcessSkipCount(), Duration.between(step.getStartTime(), java.time.LocalDateTime.now()).toSeconds());
		return step.getExitStatus();
	}

}

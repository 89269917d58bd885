package org.s11evaluator.reporting;

import org.springframework.batch.core.JobExecution;
import org.springframework.batch.item.ExecutionContext;

/**
 * What a run's summary step took, for whoever measures it (the benchmark): how many summaries it wrote, the
 * wall-clock time of writing them (on several threads), and the summed time of their parts on their threads:
 * reading each model, its HTML, its PDF (and its pages), and the rest (JSON, CSV, fingerprint, manifest).
 */
public record SummaryFigures(int summaries, long wallNanos, long modelNanos, long htmlNanos, long pdfNanos, long filesNanos, long pages) {

	private static final String PREFIX = "summaries.figures.";

	/** The figures of a run's summary step; zeros when it wrote none. */
	public static SummaryFigures of(JobExecution execution) {
		return execution.getStepExecutions().stream()
			.filter((s) -> s.getStepName().equals("summariseCyclesStep"))
			.map((s) -> read(s.getExecutionContext()))
			.reduce(new SummaryFigures(0, 0, 0, 0, 0, 0, 0), SummaryFigures::plus);
	}

	/** Summed time of the parts on their threads. */
	public long partsNanos() {
		return this.modelNanos + this.htmlNanos + this.pdfNanos + this.filesNanos;
	}

	SummaryFigures plus(SummaryFigures other) {
		return new SummaryFigures(this.summaries + other.summaries, this.wallNanos + other.wallNanos, this.modelNanos + other.modelNanos,
				this.htmlNanos + other.htmlNanos, this.pdfNanos + other.pdfNanos, this.filesNanos + other.filesNanos, this.pages + other.pages);
	}

	void write(ExecutionContext context) {
		context.putInt(PREFIX + "summaries", this.summaries);
		context.putLong(PREFIX + "wall", this.wallNanos);
		context.putLong(PREFIX + "model", this.modelNanos);
		context.putLong(PREFIX + "html", this.htmlNanos);
		context.putLong(PREFIX + "pdf", this.pdfNanos);
		context.putLong(PREFIX + "files", this.filesNanos);
		context.putLong(PREFIX + "pages", this.pages);
	}

	private static SummaryFigures read(ExecutionContext context) {
		return new SummaryFigures(context.getInt(PREFIX + "summaries", 0), context.getLong(PREFIX + "wall", 0), context.getLong(PREFIX + "model", 0),
				context.getLong(PREFIX + "html", 0), context.getLong(PREFIX + "pdf", 0), context.getLong(PREFIX + "files", 0),
				context.getLong(PREFIX + "pages", 0));
	}

}

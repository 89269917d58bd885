package org.s11evaluator.monitoring;

import java.time.Duration;
import java.time.ZoneId;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.s11evaluator.runs.RunReport;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The runs as Micrometer metrics, for dashboards and alerts ({@code /actuator/prometheus} when serving).
 * Counters and the timer are fed by the report each run publishes ({@code RunReports}), so this package
 * does not reach into the job; the gauges read the stored reports when scraped, so they are right after a
 * restart and include runs made by the one-shot {@code evaluate} command.
 * <ul>
 * <li>{@code s11.evaluation.runs} (status): runs ended, by status (COMPLETED, FAILED...);</li>
 * <li>{@code s11.evaluation.run.duration} (status): how long each run took;</li>
 * <li>{@code s11.evaluation.submissions} (outcome = evaluated | skipped): returns evaluated, and returns that
 * could not be (a broken pack, a rule error);</li>
 * <li>{@code s11.evaluation.last.success.age}: seconds since the last completed run ended (NaN before the
 * first);</li>
 * <li>{@code s11.evaluation.submissions.awaiting}: returns in open cycles with no results for their current
 * version.</li>
 * </ul>
 */
@Component
class RunMetrics {

	private final MeterRegistry registry;

	private final Counter evaluated;

	private final Counter skipped;

	RunMetrics(MeterRegistry registry, RunHistory runs, java.time.Clock clock) {
		this.registry = registry;
		this.evaluated = submissions(registry, "evaluated");
		this.skipped = submissions(registry, "skipped");
		Gauge.builder("s11.evaluation.last.success.age", runs, (history) -> history.lastSuccessEndedAt()
			.map((ended) -> Duration.between(ended.atZone(ZoneId.systemDefault()).toInstant(), clock.instant()).toMillis() / 1000.0)
			.orElse(Double.NaN))
			.description("Seconds since the last completed evaluation run ended")
			.baseUnit("seconds")
			.strongReference(true)
			.register(registry);
		Gauge.builder("s11.evaluation.submissions.awaiting", runs, RunHistory::awaitingEvaluation)
			.description("Returns in open cycles with no results for their current version (new, corrected, or never evaluated)")
			.strongReference(true)
			.register(registry);
	}

	private static Counter submissions(MeterRegistry registry, String outcome) {
		return Counter.builder("s11.evaluation.submissions")
			.description("Returns evaluated, or skipped because they could not be evaluated")
			.tag("outcome", outcome)
			.register(registry);
	}

	@EventListener
	void ended(RunReport run) {
		this.evaluated.increment(run.evaluated());
		this.skipped.increment(run.skipped());
		Counter.builder("s11.evaluation.runs").description("Evaluation runs ended, by status").tag("status", run.status())
			.register(this.registry)
			.increment();
		Timer.builder("s11.evaluation.run.duration").description("How long evaluation runs took").tag("status", run.status())
			.register(this.registry)
			.record(run.duration());
	}

}

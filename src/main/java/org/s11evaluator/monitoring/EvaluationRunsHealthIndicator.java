package org.s11evaluator.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.s11evaluator.runs.RunHeartbeats;
import org.s11evaluator.runs.RunReport;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code evaluationRuns}: is the service doing its job? The database can be up and the service alive
 * while every night's run fails, or while no run happens at all (a scheduler that never fires, a lock never
 * released); both are DOWN, so the monitoring that watches the process also sees that the results are going
 * out of date.
 * <ul>
 * <li>UP: the last run completed (it may have left returns of a broken pack unevaluated: see {@code skipped}
 * and {@code brokenPacks});</li>
 * <li>DOWN: the last run did not complete (its failure is shown), or no run has completed within
 * {@code s11.monitoring.stale-after}, or a run died ({@code deadRun}: recorded as running, but its process is gone or
 * its heartbeat older than {@code s11.evaluation.heartbeat.dead-after}), or the runs cannot be read (the database
 * is down: {@code db} says so too);</li>
 * <li>UNKNOWN: there has never been a run, as on a new installation; it does not make the service DOWN.</li>
 * </ul>
 */
@Component
class EvaluationRunsHealthIndicator implements HealthIndicator {

	private final RunHistory runs;

	private final MonitoringSettings settings;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvaluationRunsHealthIndicator.class);

	private final Clock clock;

	private final RunHeartbeats heartbeats;

	EvaluationRunsHealthIndicator(RunHistory runs, MonitoringSettings settings, Clock clock, RunHeartbeats heartbeats) {
		this.heartbeats = heartbeats;
		this.runs = runs;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Health health() {
		try {
			Optional<RunHeartbeats.DeadRun> dead = this.heartbeats.deadRun();
			Health health = lastRun();
			if (dead.isPresent()) {
				// a run that died leaves no report: it is DOWN now, not once the next scheduled run notices it
				java.util.Map<String, Object> details = new java.util.LinkedHashMap<>(health.getDetails());
				details.remove("note"); // "no evaluation run yet" is not true of a run that died
				return Health.down().withDetails(details).withDetail("deadRun", dead.get().reason()).build();
			}
			return health;
		}
		catch (RuntimeException ex) {
			// an exception here would answer HTTP 500 with no components; DOWN answers 503 and shows the database's
			log.debug("Health could not read the runs", ex);
			return Health.down().withDetail("error", "the runs could not be read: the database did not answer ("
					+ org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex).getMessage() + ")").build();
		}
	}

	private Health lastRun() {
		Optional<RunReport> last = this.runs.last();
		if (last.isEmpty()) {
			return Health.unknown()
				.withDetail("note", "No evaluation run yet: the first is at the next scheduled time, or run 'evaluate'")
				.build();
		}
		RunReport run = last.get();
		boolean completed = "COMPLETED".equals(run.status());
		Health.Builder health = completed ? Health.up() : Health.down();
		health.withDetail("jobExecutionId", run.jobExecutionId())
			.withDetail("scope", run.scope())
			.withDetail("status", run.status())
			.withDetail("endedAt", jobTime(run.endedAt()).toString())
			.withDetail("evaluated", run.evaluated())
			.withDetail("skipped", run.skipped());
		if (run.brokenPacks() != null && !run.brokenPacks().isBlank()) {
			health.withDetail("brokenPacks", run.brokenPacks());
		}
		if (!completed) {
			health.withDetail("failure", (run.failure() != null && !run.failure().isBlank()) ? run.failure() : "the run ended " + run.status());
		}
		Optional<LocalDateTime> success = completed ? Optional.of(run.endedAt()) : this.runs.lastSuccessEndedAt();
		if (success.isEmpty()) {
			return health.withDetail("lastSuccessEndedAt", "never").build();
		}
		Duration age = Duration.between(jobTime(success.get()).toInstant(), this.clock.instant()).truncatedTo(ChronoUnit.SECONDS);
		health.withDetail("lastSuccessEndedAt", jobTime(success.get()).toString())
			.withDetail("staleAfter", this.settings.staleAfter().toString());
		if (age.compareTo(this.settings.staleAfter()) > 0) {
			health.down().withDetail("stale", "no run has completed for " + age + ", more than " + this.settings.staleAfter()
					+ " (s11.monitoring.stale-after): was a nightly run missed?");
		}
		return health.build();
	}

	/** The job stamps its times in the JVM's zone, without one. */
	private static OffsetDateTime jobTime(LocalDateTime time) {
		return time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
	}

}

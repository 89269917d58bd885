package org.s11evaluator.runs;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each evaluation run's sign of life while it runs ({@code run_heartbeat}): which process runs it, and when it last
 * said it was alive. A run that died (its process killed, its machine lost) leaves no report, so without this it
 * went unseen until the next scheduled run; {@link #deadRun()} finds it at once.
 */
@Component
public class RunHeartbeats implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunHeartbeats.class);

	private static final String HOST = host();

	private final JdbcClient jdbc;

	private final RunHeartbeatSettings settings;

	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "run-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ScheduledFuture<?> beating;

	RunHeartbeats(JdbcClient jdbc, RunHeartbeatSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** A run that did not end but whose process is gone, or has not been heard from for too long. */
	public record DeadRun(long jobExecutionId, String host, long pid, String reason) {
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.jdbc.sql("""
				insert into run_heartbeat (job_execution_id, host, pid, started_at, heartbeat_at) values (?, ?, ?, now(6), now(6))
				on duplicate key update host = values(host), pid = values(pid), heartbeat_at = values(heartbeat_at)""")
			.params(execution.getId(), HOST, ProcessHandle.current().pid())
			.update();
		long every = this.settings.every().toMillis();
		this.beating = this.beats.scheduleWithFixedDelay(() -> beat(execution.getId()), every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void afterJob(JobExecution execution) {
		ScheduledFuture<?> beating = this.beating;
		if (beating != null) {
			beating.cancel(false);
		}
		this.jdbc.sql("delete from run_heartbeat where job_execution_id = ?").param(execution.getId()).update();
	}

	/** With the evaluation lock held no other run is alive: any heartbeat left is a dead run's, now taken over. */
	void forgetDeadRuns() {
		this.jdbc.sql("delete from run_heartbeat").update();
	}

	/** The first run found dead: recorded as running, but its process is gone or silent for longer than {@code dead-after}. */
	public Optional<DeadRun> deadRun() {
		List<DeadRun> dead = this.jdbc.sql("""
				select job_execution_id, host, pid, timestampdiff(microsecond, heartbeat_at, now(6)) div 1000 as silent_ms
				from run_heartbeat order by job_execution_id""")
			.query((row, n) -> reason(row.getLong("job_execution_id"), row.getString("host"), row.getLong("pid"),
					Duration.ofMillis(row.getLong("silent_ms"))))
			.list();
		return dead.stream().filter((run) -> run != null).findFirst();
	}

	private DeadRun reason(long id, String host, long pid, Duration silent) {
		if (HOST.equals(host) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
			return new DeadRun(id, host, pid, "run " + id + " did not end: its process (pid " + pid + " on " + host
					+ ") is gone (killed, or it crashed). What it committed is kept; the next run recovers it: run 'evaluate' now, or wait for the schedule");
		}
		if (silent.compareTo(this.settings.deadAfter()) > 0) {
			return new DeadRun(id, host, pid, "run " + id + " did not end and its process (pid " + pid + " on " + host + ") has not been heard from for "
					+ silent.toSeconds() + " s, more than " + this.settings.deadAfter().toSeconds()
					+ " s (s11.evaluation.heartbeat.dead-after): it died or hangs. What it committed is kept; stop it if it is still there, then run 'evaluate'");
		}
		return null;
	}

	private void beat(long jobExecutionId) {
		try {
			this.jdbc.sql("update run_heartbeat set heartbeat_at = now(6) where job_execution_id = ?").param(jobExecutionId).update();
		}
		catch (RuntimeException ex) {
			// the database is away: the run itself will say so; a missed beat only ages the heartbeat
			log.debug("Heartbeat of run {} not recorded", jobExecutionId, ex);
		}
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "unknown-host";
		}
	}

}

package org.s11evaluator.database;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the evaluator waits for its database before it gives up ({@code batch-config/database.yml}), so a
 * server that stops answering (frozen, or cut off without the connection closing) fails the run within a known
 * time instead of hanging it: a frozen server ends a run FAILED within about {@code socket} plus a few
 * {@code connect}.
 *
 * @param connect opening a connection: the TCP connect and the server's greeting (Connector/J {@code connectTimeout})
 * @param socket waiting for any answer from the server on an open connection (Connector/J {@code socketTimeout}):
 *     the limit that ends a run against a frozen server; longer than {@code query}, so a slow query is cancelled
 *     first, in words
 * @param query one statement (JDBC query timeout of every JdbcTemplate)
 * @param lockWait waiting for a row or table lock another session holds (the server's {@code innodb_lock_wait_timeout}
 *     and {@code lock_wait_timeout}, set on every connection)
 * @param transaction one transaction, as one chunk of returns with its writes (Spring's default transaction timeout)
 */
@Validated
@ConfigurationProperties("s11.database.timeouts")
public record DatabaseTimeouts(
		@DefaultValue("10s") @DurationMin(seconds = 1, message = "must be at least 1s, such as 10s") Duration connect,
		@DefaultValue("60s") @DurationMin(seconds = 1, message = "must be at least 1s, such as 60s") Duration socket,
		@DefaultValue("50s") @DurationMin(seconds = 1, message = "must be at least 1s, such as 50s") Duration query,
		@DefaultValue("50s") @DurationMin(seconds = 1, message = "must be at least 1s, such as 50s")
		@DurationMax(days = 365, message = "must be at most a year") Duration lockWait,
		@DefaultValue("30m") @DurationMin(seconds = 1, message = "must be at least 1s, such as 30m") Duration transaction) {

	/** The server session variables that bound lock waits, for each new connection. */
	String sessionSql() {
		return "set session innodb_lock_wait_timeout = " + seconds(this.lockWait) + ", lock_wait_timeout = " + seconds(this.lockWait);
	}

	static int seconds(Duration duration) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (duration.toMillis() + 999) / 1000));
	}

	@Override
	public String toString() {
		return "connect " + this.connect + ", socket " + this.socket + ", query " + this.query + ", lock wait " + this.lockWait
				+ ", transaction " + this.transaction;
	}

}

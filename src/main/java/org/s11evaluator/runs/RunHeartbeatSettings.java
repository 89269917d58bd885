package org.s11evaluator.runs;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a running evaluation run shows it is alive ({@code batch-config/evaluation.yml}).
 *
 * @param every how often the running process records its heartbeat
 * @param deadAfter a run whose heartbeat is older than this is taken for dead (its process killed, or its machine
 *     lost), and health is DOWN at once; on the machine that ran it, a run whose process is gone is dead at once
 */
@Validated
@ConfigurationProperties("s11.evaluation.heartbeat")
public record RunHeartbeatSettings(@DefaultValue("10s") @DurationMin(seconds = 1, message = "must be at least 1s, such as 10s") Duration every,
		@DefaultValue("2m") @DurationMin(seconds = 2, message = "must be at least 2s, such as 2m") Duration deadAfter) {

	@AssertTrue(message = "dead-after must be at least twice 'every', so that one late heartbeat is not taken for a dead run")
	boolean isDeadAfterLongEnough() {
		return this.deadAfter.compareTo(this.every.multipliedBy(2)) >= 0;
	}

}

package org.s11evaluator.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the service runs the nightly evaluation ({@code batch-config/schedule.yml}). A bad value stops
 * start-up, naming the file, the key and the problem.
 */
@Validated
@ConfigurationProperties("s11.schedule")
public record ScheduleSettings(@DefaultValue("0 30 1 * * *") @Cron String cron, @DefaultValue("*") @Scope String scope) {
}

package org.s11evaluator.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long records are kept ({@code batch-config/retention.yml}): Spring Batch's records of runs and the run reports
 * ({@code metadata-older-than}), and the contact details of whoever completed a return after its cycle closed
 * ({@code contact-details-after-close}). ISO-8601 durations, such as {@code P400D} (400 days) or {@code PT1H}.
 */
@ConfigurationProperties("s11.retention")
public record RetentionSettings(@DefaultValue("P400D") Duration metadataOlderThan,
		@DefaultValue("P365D") Duration contactDetailsAfterClose) {

	public RetentionSettings {
		if (metadataOlderThan.isNegative() || metadataOlderThan.isZero()) {
			throw new IllegalArgumentException("s11.retention.metadata-older-than must be a period of more than nothing, such as P400D");
		}
		if (contactDetailsAfterClose.isNegative()) {
			throw new IllegalArgumentException("s11.retention.contact-details-after-close must not be negative, such as P365D");
		}
	}

}

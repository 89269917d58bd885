package org.s11evaluator.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the evaluation job runs ({@code batch-config/evaluation.yml}): how many submissions are evaluated and
 * committed together, how many partnerships are evaluated at once, and how many submissions of a partnership
 * may fail evaluation before that partnership's part of the run is failed.
 */
@Validated
@ConfigurationProperties("s11.evaluation")
public record EvaluationSettings(@DefaultValue("100") @Min(1) @Max(10000) int chunkSize,
		@DefaultValue("2") @Min(1) @Max(16) int threads,
		@DefaultValue("1000") @Min(0) int skipLimit) {
}

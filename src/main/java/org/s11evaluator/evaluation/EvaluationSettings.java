package org.s11evaluator.evaluation;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the evaluation job runs ({@code batch-config/evaluation.yml}): how many submissions are evaluated and
 * committed together, and how many submissions may fail evaluation before the run itself is failed.
 */
@Validated
@ConfigurationProperties("s11.evaluation")
public record EvaluationSettings(@DefaultValue("100") @Min(1) int chunkSize, @DefaultValue("1000") @Min(0) int skipLimit) {
}

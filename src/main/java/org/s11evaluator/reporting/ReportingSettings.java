package org.s11evaluator.reporting;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where results and reports are written ({@code batch-config/reporting.yml}). */
@ConfigurationProperties("s11.reporting")
public record ReportingSettings(@DefaultValue("output") Path outputDirectory) {
}

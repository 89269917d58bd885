package org.s11evaluator.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where rule packs live ({@code batch-config/rules.yml}). */
@ConfigurationProperties("s11.rules")
public record RulesSettings(@DefaultValue("rules") Path directory, @DefaultValue("10000") int maxRuleFirings) {
}

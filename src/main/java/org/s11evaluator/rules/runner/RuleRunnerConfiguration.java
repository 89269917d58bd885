package org.s11evaluator.rules.runner;

import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's rule engine: isolated in rule runners unless {@code s11.rules.runner.isolated} is false. */
@Configuration(proxyBeanMethods = false)
class RuleRunnerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RuleRunnerConfiguration.class);

	@Bean
	RuleEngine ruleEngine(RulesSettings rules, RunnerSettings runner) {
		if (!runner.isolated()) {
			log.warn("Rules run inside the application (s11.rules.runner.isolated is false): a rule that escaped the "
					+ "rule-file check would reach the database credentials, and its time and memory are not bounded");
		}
		return RuleRunners.engine(rules, runner);
	}

}

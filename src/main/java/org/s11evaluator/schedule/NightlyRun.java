package org.s11evaluator.schedule;

import org.s11evaluator.runs.EvaluationManagement;
import org.s11evaluator.logging.LogValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly evaluation, when the evaluator runs as a long-lived service ({@code serve}). Only one run at
 * a time: a run still going when the next is due makes the next one refused, and logged, not queued.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "s11.serve", havingValue = "true")
public class NightlyRun {

	private static final Logger log = LoggerFactory.getLogger(NightlyRun.class);

	private final EvaluationManagement evaluation;

	private final ScheduleSettings settings;

	NightlyRun(EvaluationManagement evaluation, ScheduleSettings settings) {
		this.evaluation = evaluation;
		this.settings = settings;
	}

	@Scheduled(cron = "${s11.schedule.cron:0 30 1 * * *}", zone = "Europe/London")
	public void run() {
		log.info("Nightly evaluation of {} starting", org.s11evaluator.cycle.RunScope.describe(this.settings.scope()));
		try {
			if ("*".equals(this.settings.scope())) {
				this.evaluation.evaluateOpenCycles();
			}
			else {
				this.evaluation.evaluateCycle(this.settings.scope());
			}
		}
		catch (RuntimeException ex) {
			// the service stays up for the next night; the run report and the log say what happened
			log.error("Nightly evaluation did not complete: {}", LogValues.escape(ex.getMessage()), ex);
		}
	}


}

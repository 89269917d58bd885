package org.s11evaluator;

import org.s11evaluator.rules.RulesCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** S11 Evaluator: evaluates Section 11 safeguarding audit returns against each partnership's rule pack. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class S11Application {

	/** The time, on the English calendar audits run on (due dates, deadlines, "as of"). */
	@org.springframework.context.annotation.Bean
	java.time.Clock clock() {
		return java.time.Clock.system(org.s11evaluator.cycle.AuditCalendar.ZONE);
	}

	public static void main(String[] args) {
		if (RulesCommand.handles(args)) {
			// Checking and testing rule files needs no database: answer in a second or two.
			System.exit(RulesCommand.run(args, System.out));
		}
		if (args.length > 0 && args[0].equals("serve")) {
			// A long-lived service: the nightly run's scheduler keeps it up until it is stopped.
			SpringApplication application = new SpringApplication(S11Application.class);
			application.setDefaultProperties(java.util.Map.of("s11.serve", "true"));
			application.run(args);
			return;
		}
		System.exit(SpringApplication.exit(SpringApplication.run(S11Application.class, args)));
	}

}

package org.s11evaluator;

import org.s11evaluator.command.CommandLineReader;
import org.s11evaluator.command.Invocation;
import org.s11evaluator.command.Reading;
import org.s11evaluator.command.RulesCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * S11 Evaluator: evaluates Section 11 safeguarding audit returns against each partnership's rule pack.
 * <p>
 * Boot's Artemis and Spring Integration auto-configurations are left out: on the class path for remote
 * partitioning only, they would otherwise connect to a broker (or start one) and set up a messaging
 * infrastructure in every command. Remote partitioning makes its own connection and channel
 * (partitioning.RemotePartitioningConfiguration).
 */
@SpringBootApplication(exclude = { ArtemisAutoConfiguration.class, IntegrationAutoConfiguration.class })
@ConfigurationPropertiesScan
public class S11Application {

	/**
	 * The profile of {@code serve}: the nightly run, and a web server for health and metrics only (the
	 * {@code serve} document of application.yml). Every other command starts no web server and exits.
	 */
	static final String SERVE_PROFILE = "serve";

	/** The profile of {@code worker}: evaluates partnerships that runs send through the broker (remote partitioning). */
	static final String WORKER_PROFILE = "worker";

	/** The time, on the English calendar audits run on (due dates, deadlines, "as of"). */
	@org.springframework.context.annotation.Bean
	java.time.Clock clock() {
		return java.time.Clock.system(org.s11evaluator.cycle.AuditCalendar.ZONE);
	}

	public static void main(String[] args) {
		// The whole command line is read here, before Spring starts, any job runs or the database is opened: --help,
		// --version and a line that is not understood are answered, and nothing runs.
		Reading reading = CommandLineReader.read(args);
		if (reading instanceof Reading.Answer answer) {
			System.exit(answer.print(System.out, System.err));
		}
		Invocation invocation = ((Reading.Run) reading).invocation();
		invocation.applyHome(); // --home=DIR: the application home, for Spring and the rules commands alike
		if (invocation.rules().isPresent()) {
			// Checking and testing rule files needs no database: answer in a second or two.
			System.exit(RulesCommandLine.run(invocation.rules().get(), System.out));
		}
		try {
			if (invocation.serving()) {
				// A long-lived service: the scheduler and the monitoring web server (serve), or the listener on the
				// broker's queue (worker), keep it up until it is stopped.
				application(args).run(args);
				return;
			}
			System.exit(SpringApplication.exit(application(args).run(args)));
		}
		catch (RuntimeException ex) {
			// Spring Boot has reported why it could not start (plainly, for a database it cannot reach): exit without
			// the JVM's own trace of the same failure
			System.exit(1);
		}
	}

	/** The application for a command line, as {@link #main} runs it (and the tests of what each command starts). */
	static SpringApplication application(String... args) {
		SpringApplication application = new SpringApplication(S11Application.class);
		if (CommandLineReader.read(args) instanceof Reading.Run run && run.invocation().serving()) {
			application.setAdditionalProfiles(run.invocation().worker() ? WORKER_PROFILE : SERVE_PROFILE);
		}
		return application;
	}

}

package org.s11evaluator.partitioning;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether the partnerships of a run are evaluated by worker processes, on other machines, instead of on this
 * one's threads ({@code batch-config/evaluation.yml}, {@code s11.evaluation.remote}); see the evaluation
 * README, "Scaling past one machine". Off by default: one machine evaluates everything, as before. A bad value
 * stops start-up, naming the file, the key and the problem.
 *
 * @param enabled send each partnership's part of a run to a queue on the broker, for the workers
 * @param brokerUrl the ActiveMQ Artemis broker the run and its workers share
 * @param brokerUser the broker's user, if it asks for one (environment variable
 *     {@code S11_EVALUATION_REMOTE_BROKER_USER}; credentials never go in the file)
 * @param brokerPassword its password ({@code S11_EVALUATION_REMOTE_BROKER_PASSWORD})
 * @param queue the queue of partnerships to evaluate
 * @param pollInterval how often the run looks in the job repository for the partnerships its workers finished
 * @param timeout how long the run waits for its workers before failing the partnerships they have not finished
 *     (the next run restarts them), so a run left without workers does not hold the evaluation lock for ever
 * @param insecureLocalTest allow a broker without TLS or without a login, for a test on one machine only: partnerships'
 *     work crosses the network in clear and anyone who reaches the broker can feed the workers; logged as a warning
 *     at every start (see {@link RemoteBrokerSecurity})
 */
@Validated
@ConfigurationProperties("s11.evaluation.remote")
public record RemoteEvaluationSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("tcp://localhost:61617?sslEnabled=true") @NotBlank @Pattern(regexp = "^((tcp|ssl|vm|udp|jgroups)://\\S+|\\(\\S+\\)\\S*)$",
				message = "must be an ActiveMQ Artemis broker URL such as tcp://broker.example.org:61616, or a list of them "
						+ "such as (tcp://broker-a:61616,tcp://broker-b:61616)") String brokerUrl,
		String brokerUser, String brokerPassword,
		@DefaultValue("s11.evaluation.partnerships") @Pattern(regexp = "^[A-Za-z0-9._-]{1,200}$",
				message = "must be a queue name of letters, digits, dots, dashes and underscores") String queue,
		@DefaultValue("5s") @DurationMin(millis = 100, message = "must be at least 100ms, such as 5s")
		@DurationMax(minutes = 10, message = "must be at most 10m, such as 5s") Duration pollInterval,
		@DefaultValue("6h") @DurationMin(seconds = 1, message = "must be at least a second, such as 6h") Duration timeout,
		@DefaultValue("false") boolean insecureLocalTest) {

	/** Says where the partnerships go, without the password. */
	@Override
	public String toString() {
		return "queue " + this.queue + " on " + this.brokerUrl + ((this.brokerUser != null) ? " as " + this.brokerUser : "");
	}

}

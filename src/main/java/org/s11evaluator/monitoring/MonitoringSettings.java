package org.s11evaluator.monitoring;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the service answers health and metrics, and when a missing run makes it unhealthy
 * ({@code batch-config/monitoring.yml}). The port and address are those of the {@code serve} web server
 * (application.yml maps them); a bad value stops start-up, naming the file, the key and the problem.
 *
 * @param port the port of the Actuator endpoints; 0 for any free port
 * @param address the address they listen on: the loopback by default, so nothing is open to the network
 *     unless an operator says so
 * @param staleAfter how long without a completed run before health is DOWN: a little over one night, so one
 *     missed nightly run is noticed the next day and a run that is merely late is not
 * @param token the bearer token that lets a caller from another machine see health's details (environment variable
 *     {@code S11_MONITORING_TOKEN}, never the file); without one, only callers on this machine see them
 *     ({@link HealthDetailsAccess})
 */
@Validated
@ConfigurationProperties("s11.monitoring")
record MonitoringSettings(@DefaultValue("8081") @Min(0) @Max(65535) int port, @DefaultValue("127.0.0.1") @NotBlank String address,
		@DefaultValue("2d") @DurationMin(minutes = 1, message = "must be at least a minute, such as 2d or 36h") Duration staleAfter,
		@Size(min = 32, message = "must be at least 32 characters: a long random value, such as the output of 'openssl rand -hex 32'") String token) {

	/** The settings, without the token. */
	@Override
	public String toString() {
		return "port " + this.port + " on " + this.address + ", stale after " + this.staleAfter + ((this.token != null) ? ", with a token" : "");
	}

}

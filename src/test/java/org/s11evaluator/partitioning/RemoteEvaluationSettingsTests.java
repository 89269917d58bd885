package org.s11evaluator.partitioning;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Remote partitioning's settings: off unless switched on, and a bad value stops start-up naming the key. */
class RemoteEvaluationSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void offByDefaultWithALocalTlsBrokerAndAQueueOfItsOwn() {
		this.context.run((context) -> {
			assertThat(context).hasNotFailed();
			RemoteEvaluationSettings settings = context.getBean(RemoteEvaluationSettings.class);
			assertThat(settings.enabled()).isFalse();
			assertThat(settings.brokerUrl()).isEqualTo("tcp://localhost:61617?sslEnabled=true");
			assertThat(settings.insecureLocalTest()).isFalse();
			assertThat(settings.queue()).isEqualTo("s11.evaluation.partnerships");
			assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.timeout()).isEqualTo(Duration.ofHours(6));
		});
	}

	@Test
	void aBrokerUrlThatIsNotOneStopsStartUpSayingWhatOneLooksLike() {
		this.context.withPropertyValues("s11.evaluation.remote.broker-url=broker.example.org:61616").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.evaluation.remote.broker-url")
				.hasMessageContaining("broker.example.org:61616")
				.hasMessageContaining("such as tcp://broker.example.org:61616");
		});
	}

	@Test
	void aListOfBrokersForFailoverIsABrokerUrl() {
		this.context.withPropertyValues("s11.evaluation.remote.broker-url=(tcp://broker-a:61616,tcp://broker-b:61616)?ha=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aPollIntervalOfNothingOrATimeoutOfNothingStopsStartUp() {
		this.context.withPropertyValues("s11.evaluation.remote.poll-interval=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.evaluation.remote.poll-interval")
				.hasMessageContaining("must be at least 100ms");
		});
		this.context.withPropertyValues("s11.evaluation.remote.timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.evaluation.remote.timeout")
				.hasMessageContaining("must be at least a second");
		});
	}

	@Test
	void theBrokerPasswordIsNotShownWhereTheSettingsAreLogged() {
		this.context.withPropertyValues("s11.evaluation.remote.broker-user=s11", "s11.evaluation.remote.broker-password=secret-word")
			.run((context) -> assertThat(context.getBean(RemoteEvaluationSettings.class).toString()).contains("as s11")
				.doesNotContain("secret-word"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RemoteEvaluationSettings.class)
	static class Settings {

	}

}

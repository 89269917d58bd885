package org.s11evaluator.monitoring;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void byDefaultListensOnTheLoopbackOn8081AndTwoDaysMakeRunsStale() {
		this.context.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MonitoringSettings.class)).isEqualTo(new MonitoringSettings(8081, "127.0.0.1", Duration.ofDays(2), null));
		});
	}

	@Test
	void aPortOutOfRangeStopsStartUpNamingTheKey() {
		this.context.withPropertyValues("s11.monitoring.port=80810").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.monitoring.port")
				.hasMessageContaining("80810")
				.hasMessageContaining("65535");
		});
	}

	@Test
	void aStalenessWindowOfNothingStopsStartUp() {
		this.context.withPropertyValues("s11.monitoring.stale-after=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.monitoring.stale-after")
				.hasMessageContaining("must be at least a minute");
		});
	}

	@Test
	void aStalenessWindowIsReadInDaysOrHours() {
		this.context.withPropertyValues("s11.monitoring.stale-after=36h").run((context) -> {
			assertThat(context.getBean(MonitoringSettings.class).staleAfter()).isEqualTo(Duration.ofHours(36));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MonitoringSettings.class)
	static class Settings {

	}

}

package org.s11evaluator.rules.runner;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void byDefaultRulesRunIsolatedWithFiveSecondsAndAQuarterGigabyte() {
		this.context.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RunnerSettings.class)).isEqualTo(RunnerSettings.defaults());
		});
	}

	@Test
	void budgetsAreReadAsOperatorsWriteThem() {
		this.context.withPropertyValues("s11.rules.runner.per-return-timeout=500ms", "s11.rules.runner.memory=1GB").run((context) -> {
			assertThat(context.getBean(RunnerSettings.class).perReturnTimeout()).isEqualTo(Duration.ofMillis(500));
			assertThat(context.getBean(RunnerSettings.class).memory()).isEqualTo(DataSize.ofGigabytes(1));
		});
	}

	@Test
	void aTimeoutOutsideItsRangeStopsStartUpSayingWhatIsExpected() {
		this.context.withPropertyValues("s11.rules.runner.per-return-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.rules.runner.per-return-timeout is 0ms")
				.hasMessageContaining("between 100ms and 10m");
		});
	}

	@Test
	void aMemoryBudgetTooSmallForTheEngineStopsStartUpSayingWhatIsExpected() {
		this.context.withPropertyValues("s11.rules.runner.memory=16MB").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.rules.runner.memory is 16MB")
				.hasMessageContaining("between 64MB and 16GB");
		});
	}

	@Test
	void aMemoryBudgetThatIsNotASizeStopsStartUpNamingTheKey() {
		this.context.withPropertyValues("s11.rules.runner.memory=lots").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("Failed to bind properties under 's11.rules.runner.memory'");
		});
	}

	@Test
	void theNumberOfRunnersIsReadAsOperatorsWriteIt() {
		this.context.withPropertyValues("s11.rules.runner.processes=3").run((context) -> {
			assertThat(context.getBean(RunnerSettings.class).processes()).isEqualTo(3);
		});
	}

	@Test
	void noRunnerAtAllStopsStartUpSayingWhatIsExpected() {
		this.context.withPropertyValues("s11.rules.runner.processes=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.rules.runner.processes is 0")
				.hasMessageContaining("between 1 and 64");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RunnerSettings.class)
	static class Settings {

	}

}

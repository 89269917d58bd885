package org.s11evaluator.schedule;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void aBadCronStopsStartUpNamingTheKeyTheValueAndWhatIsExpected() {
		this.context.withPropertyValues("s11.schedule.cron=every night at half past one").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.schedule.cron")
				.hasMessageContaining("every night at half past one")
				.hasMessageContaining("must be a cron expression of six fields");
		});
	}

	@Test
	void aGoodCronIsAccepted() {
		this.context.withPropertyValues("s11.schedule.cron=0 0 2 * * MON-FRI").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ScheduleSettings.class).cron()).isEqualTo("0 0 2 * * MON-FRI");
			assertThat(context.getBean(ScheduleSettings.class).scope()).isEqualTo("*");
		});
	}

	@Test
	void aScopeOfPartnershipsThatNamesNoneStopsStartUpSayingHowToWriteIt() {
		this.context.withPropertyValues("s11.schedule.scope=partnerships:").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.schedule.scope")
				.hasMessageContaining("names no partnership").hasMessageContaining("partnerships:pan-sussex,havering");
		});
	}

	@Test
	void aScopeWhoseCycleOrPartnershipIdIsAPathStopsStartUp() {
		this.context.withPropertyValues("s11.schedule.scope=../../x").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("s11.schedule.scope")
				.hasMessageContaining("\"../../x\" is not a cycle id");
		});
		this.context.withPropertyValues("s11.schedule.scope=partnerships:pan-sussex,/etc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("\"/etc\" is not a partnership id");
		});
	}

	@Test
	void aScopeOfSomePartnershipsIsAccepted() {
		this.context.withPropertyValues("s11.schedule.scope=partnerships:pan-sussex, havering").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(org.s11evaluator.cycle.RunScope.partnerships(context.getBean(ScheduleSettings.class).scope()))
				.containsExactly("pan-sussex", "havering");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScheduleSettings.class)
	static class Settings {

	}

}

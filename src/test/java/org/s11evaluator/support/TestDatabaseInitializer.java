package org.s11evaluator.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at the test database. */
class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase.Connection db = TestDatabase.get();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("s11-test-database", Map.of(
				"spring.datasource.url", db.url(), "spring.datasource.username", db.username(),
				"spring.datasource.password", db.password(), "spring.flyway.clean-disabled", "false")));
	}

}

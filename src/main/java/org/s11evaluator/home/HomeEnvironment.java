package org.s11evaluator.home;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Finds the application home before the configuration is read, so that {@code application.yml} imports
 * {@code ${s11.home}/batch-config/*.yml} wherever the command was started, and stops the command (plainly, naming
 * the folder: {@link ApplicationHomeReporter}) when there is no configuration folder there.
 */
final class HomeEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "s11ApplicationHome";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String given = environment.getProperty(ApplicationHome.PROPERTY);
		String variable = System.getenv(ApplicationHome.VARIABLE);
		// Spring binds S11_HOME to s11.home too: tell the option (or a property) from the variable, for the messages
		String option = (given != null && !given.equals(variable)) ? given : null;
		ApplicationHome home = ApplicationHome.locate(option, variable, Path.of("").toAbsolutePath(),
				ApplicationHome.installFolder());
		home.requireConfigFolder();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(ApplicationHome.PROPERTY, home.folder().toString());
		values.put(HomePaths.FOUND_BY, home.foundBy());
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, values));
	}

}

package org.s11evaluator.home;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * After the configuration is read: the folders it names ({@code rules}, {@code output}, the embedded database's
 * data), when relative, are inside the application home, not the folder the command happened to start in; and a
 * missing or empty rules folder stops the command before any database is opened.
 */
final class HomePaths implements EnvironmentPostProcessor, Ordered {

	static final String FOUND_BY = "s11.home.found-by";

	static final String SOURCE = "s11ApplicationHomePaths";

	/** Each folder setting and its default (as its settings record declares it). */
	record Folder(String property, String byDefault) {
	}

	static final Folder RULES = new Folder("s11.rules.directory", "rules");

	static final List<Folder> FOLDERS = List.of(RULES, new Folder("s11.reporting.output-directory", "output"),
			new Folder("s11.database.embedded.directory", "target/embedded-mariadb"));

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String folder = environment.getProperty(ApplicationHome.PROPERTY);
		if (folder == null) {
			return; // HomeEnvironment did not run (a context built by hand): paths stay as configured
		}
		ApplicationHome home = new ApplicationHome(Path.of(folder), environment.getProperty(FOUND_BY, "--home"),
				List.of(Path.of(folder)));
		Map<String, Object> values = new LinkedHashMap<>();
		for (Folder setting : FOLDERS) {
			Path configured = Path.of(environment.getProperty(setting.property(), setting.byDefault()));
			values.put(setting.property(), home.resolve(configured).toString());
		}
		home.requireRulesFolder(Path.of((String) values.get(RULES.property())));
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, values));
	}

}

package org.s11evaluator.yaml;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

/**
 * Spring Boot's loader of YAML configuration ({@code application.yml}, {@code batch-config/*.yml}), preceded by
 * {@link YamlLimitCheck}: Boot's own reads any number of aliases and any size (it sets SnakeYAML's limits off), so a
 * few hundred bytes in {@code batch-config/} could exhaust memory at start-up. Registered in
 * {@code META-INF/spring.factories} ahead of Boot's; a document within the limits is then read by Boot's, so
 * settings keep their file, line and column in start-up errors. {@code rules check|test|explain}, which run without
 * Spring, read {@code batch-config/rules.yml} with it too.
 */
public final class LimitedYamlPropertySourceLoader implements PropertySourceLoader, Ordered {

	private final YamlPropertySourceLoader boot = new YamlPropertySourceLoader();

	@Override
	public String[] getFileExtensions() {
		return this.boot.getFileExtensions();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public List<PropertySource<?>> load(String name, Resource resource) throws IOException {
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			YamlLimitCheck.check(reader, resource.getDescription());
		}
		return this.boot.load(name, resource);
	}

}

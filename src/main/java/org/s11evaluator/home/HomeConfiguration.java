package org.s11evaluator.home;

import java.nio.file.Path;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The application home of this process, for the commands that resolve their own defaults in it (demo's samples). */
@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HomeConfiguration.class);

	@Bean
	ApplicationHome applicationHome(Environment environment) {
		String folder = environment.getProperty(ApplicationHome.PROPERTY);
		Path home = (folder != null) ? Path.of(folder) : Path.of("").toAbsolutePath();
		ApplicationHome applicationHome = new ApplicationHome(home, environment.getProperty(HomePaths.FOUND_BY, "the working folder"),
				List.of(home));
		log.info("Application home: {}", applicationHome);
		return applicationHome;
	}

}

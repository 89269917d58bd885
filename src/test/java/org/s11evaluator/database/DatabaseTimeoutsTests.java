package org.s11evaluator.database;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTimeoutsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(DatabaseTimeoutsConfiguration.class)
		.withBean(HikariDataSource.class)
		.withBean(JdbcTemplate.class, () -> new JdbcTemplate(new HikariDataSource()))
		.withBean(JdbcTransactionManager.class, () -> new JdbcTransactionManager(new HikariDataSource()));

	@Test
	void defaultsBoundEveryWaitOnTheDatabase() {
		this.context.run((app) -> {
			HikariDataSource pool = app.getBean(HikariDataSource.class);
			assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "10000").containsEntry("socketTimeout", "60000");
			assertThat(pool.getConnectionInitSql()).isEqualTo("set session innodb_lock_wait_timeout = 50, lock_wait_timeout = 50");
			assertThat(app.getBean(JdbcTemplate.class).getQueryTimeout()).isEqualTo(50);
			assertThat(app.getBean(JdbcTransactionManager.class).getDefaultTimeout()).isEqualTo(1800);
		});
	}

	@Test
	void configuredTimeoutsApply() {
		this.context.withPropertyValues("s11.database.timeouts.socket=3s", "s11.database.timeouts.connect=2s",
				"s11.database.timeouts.lock-wait=5s", "s11.database.timeouts.query=2500ms", "s11.database.timeouts.transaction=1m")
			.run((app) -> {
				HikariDataSource pool = app.getBean(HikariDataSource.class);
				assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "2000").containsEntry("socketTimeout", "3000");
				assertThat(pool.getConnectionInitSql()).contains("innodb_lock_wait_timeout = 5");
				assertThat(app.getBean(JdbcTemplate.class).getQueryTimeout()).isEqualTo(3);
				assertThat(app.getBean(JdbcTransactionManager.class).getDefaultTimeout()).isEqualTo(60);
			});
	}

	@Test
	void aTimeoutOfZeroIsRefusedInPlainWords() {
		this.context.withPropertyValues("s11.database.timeouts.socket=0s").run((app) -> {
			assertThat(app).hasFailed();
			assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("s11.database.timeouts.socket")
				.hasMessageContaining("must be at least 1s");
		});
	}

}

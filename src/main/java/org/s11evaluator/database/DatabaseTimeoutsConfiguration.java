package org.s11evaluator.database;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Applies {@link DatabaseTimeouts} to the connection pool (connect and socket timeouts, lock waits on every
 * connection), to every {@link JdbcTemplate} (query timeout) and to the transaction manager (transaction timeout),
 * whichever database is used, embedded or a server of the operator's; and keeps timestamps' fractions of a second on
 * MariaDB ({@link FractionalSeconds}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseTimeouts.class)
class DatabaseTimeoutsConfiguration {

	@Bean
	static BeanPostProcessor databaseTimeoutsApplier(ObjectProvider<DatabaseTimeouts> timeouts) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof HikariDataSource pool) {
					DatabaseTimeouts t = timeouts.getObject();
					// an explicit value in the URL wins over these, as Connector/J reads the URL last
					pool.addDataSourceProperty("connectTimeout", String.valueOf(t.connect().toMillis()));
					pool.addDataSourceProperty("socketTimeout", String.valueOf(t.socket().toMillis()));
					if (pool.getConnectionInitSql() == null) {
						pool.setConnectionInitSql(t.sessionSql());
					}
					if (pool.getDataSource() == null && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:mysql:")) {
						// Connector/J to MariaDB: keep timestamps' fractions of a second (FractionalSeconds); built here,
						// after the properties above, which the connections are opened with
						pool.setDataSource(new FractionalSeconds(new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
								pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword())));
					}
				}
				else if (bean instanceof JdbcTemplate jdbc && jdbc.getQueryTimeout() <= 0) {
					jdbc.setQueryTimeout(DatabaseTimeouts.seconds(timeouts.getObject().query()));
				}
				else if (bean instanceof AbstractPlatformTransactionManager transactions
						&& transactions.getDefaultTimeout() < 0) {
					transactions.setDefaultTimeout(DatabaseTimeouts.seconds(timeouts.getObject().transaction()));
				}
				return bean;
			}
		};
	}

}

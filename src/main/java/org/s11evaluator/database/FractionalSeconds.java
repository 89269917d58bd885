package org.s11evaluator.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Keeps the fraction of a second of every timestamp a statement binds, on MariaDB as on MySQL. Connector/J sends
 * whole seconds to a server whose version is below MySQL 5.6.4, and MariaDB introduces itself to it as
 * "5.5.5-10.x": run times, Spring Batch's among them, were stored to whole seconds in DATETIME(6) columns. On such a
 * server a bound {@link Timestamp} or {@link LocalDateTime} is sent as its text ({@code 2026-12-01 01:30:00.123456},
 * the JVM's local time, as Connector/J sends it by default), which the server reads in full. Other servers, and
 * every other value, are left to the driver.
 */
final class FractionalSeconds extends DelegatingDataSource {

	FractionalSeconds(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(super.getConnection(username, password));
	}

	private static Connection wrap(Connection connection) throws SQLException {
		String version = connection.getMetaData().getDatabaseProductVersion();
		if (version == null || !version.startsWith("5.5.5-")) {
			return connection;
		}
		return (Connection) Proxy.newProxyInstance(FractionalSeconds.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					Object result = invoke(connection, method, args);
					return (result instanceof PreparedStatement statement && method.getName().startsWith("prepare"))
							? statement(statement, method.getReturnType()) : result;
				});
	}

	private static Object statement(PreparedStatement statement, Class<?> type) {
		InvocationHandler binding = (proxy, method, args) -> {
			if (args != null && args.length >= 2 && args[0] instanceof Integer index && text(method, args) != null) {
				statement.setString(index, text(method, args));
				return null;
			}
			return invoke(statement, method, args);
		};
		return Proxy.newProxyInstance(FractionalSeconds.class.getClassLoader(), new Class<?>[] { type }, binding);
	}

	/** The text to bind instead, for a timestamp with a fraction of a second bound without a calendar; else null. */
	private static String text(Method method, Object[] args) {
		boolean timestamp = method.getName().equals("setTimestamp") && args.length == 2;
		boolean object = method.getName().equals("setObject") && (args.length == 2 || args.length == 3 && args[2] instanceof Integer);
		if (!timestamp && !object) {
			return null;
		}
		Object value = args[1];
		if (value instanceof Timestamp at && at.getNanos() != 0) {
			return at.toString();
		}
		if (value instanceof LocalDateTime at && at.getNano() != 0) {
			return Timestamp.valueOf(at).toString();
		}
		return null;
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}

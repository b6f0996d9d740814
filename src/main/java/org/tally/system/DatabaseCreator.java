package org.tally.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Creates the configured PostgreSQL database when it is missing, so that a fresh machine
 * runs Tally with one command. Runs before Flyway touches the data source.
 */
class DatabaseCreator implements BeanPostProcessor {

	private static final Log log = LogFactory.getLog(DatabaseCreator.class);

	private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/]*)/([A-Za-z0-9_]+)(\\?.*)?");

	private static final String MISSING_DATABASE = "3D000";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari) {
			ensureDatabase(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return bean;
	}

	static void ensureDatabase(String url, String username, String password) {
		Matcher matcher = POSTGRES_URL.matcher(url);
		if (!matcher.matches()) {
			return;
		}
		Properties credentials = new Properties();
		if (username != null) {
			credentials.setProperty("user", username);
		}
		if (password != null) {
			credentials.setProperty("password", password);
		}
		try (Connection ignored = DriverManager.getConnection(url, credentials)) {
			return;
		}
		catch (SQLException ex) {
			if (!MISSING_DATABASE.equals(ex.getSQLState())) {
				throw new DatabaseUnavailableException(url, ex);
			}
		}
		String database = matcher.group(2);
		String adminUrl = "jdbc:postgresql://" + matcher.group(1) + "/postgres"
				+ (matcher.group(3) != null ? matcher.group(3) : "");
		try (Connection connection = DriverManager.getConnection(adminUrl, credentials)) {
			connection.createStatement().execute("create database \"" + database + "\"");
			log.info("Created PostgreSQL database '" + database + "'");
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException(url, ex);
		}
	}

}

package org.tally.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tally.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseCreatorTests {

	@Test
	void createsTheDatabaseWhenMissing() throws Exception {
		TestDatabase database = TestDatabase.get();
		String name = "tally_created_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String url = database.url().replaceFirst("/[A-Za-z0-9_]+(\\?.*)?$", "/" + name);
		try {
			DatabaseCreator.ensureDatabase(url, database.username(), database.password());

			assertThat(exists(database, name)).isTrue();
			DatabaseCreator.ensureDatabase(url, database.username(), database.password());
		}
		finally {
			try (Connection connection = database.connect()) {
				connection.createStatement().execute("drop database if exists " + name + " with (force)");
			}
		}
	}

	@Test
	void explainsAnUnreachableServer() {
		assertThatThrownBy(() -> DatabaseCreator.ensureDatabase("jdbc:postgresql://127.0.0.1:1/tally", "postgres", ""))
			.isInstanceOf(DatabaseUnavailableException.class)
			.hasMessageContaining("jdbc:postgresql://127.0.0.1:1/tally");
	}

	private static boolean exists(TestDatabase database, String name) throws Exception {
		try (Connection connection = database.connect();
				ResultSet rs = connection.createStatement()
					.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
			return rs.next();
		}
	}

}

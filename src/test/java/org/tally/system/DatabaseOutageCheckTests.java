package org.tally.system;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.tally.support.TestDatabase;

import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The path that ended on a generic 500: a data-access failure that does not name the
 * outage (a rollback that failed on a cut connection and hid the statement's failure),
 * before any read had noticed the database was away. The old advice rethrew it, which
 * skipped {@link ApiExceptionHandler} and left Spring's generic 500. Now one check
 * decides: with PostgreSQL out of reach it is a 503 with {@code Retry-After}
 * (problem+json on the API, the error page's status on pages) within 3 s; with PostgreSQL
 * there it is the API's own 500 problem.
 */
class DatabaseOutageCheckTests {

	@Test
	void aHiddenCauseWhileTheDatabaseIsAwayIs503OnTheApiAndOnPages() throws Exception {
		// nothing listens on port 1: the pool cannot hand out a connection
		MockMvc mvc = mvc(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/away?connectTimeout=2"));

		long start = System.nanoTime();
		MvcResult api = mvc.perform(get("/api/v1/failing")).andReturn();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(api.getResponse().getStatus()).isEqualTo(503);
		assertThat(api.getResponse().getHeader("Retry-After")).isEqualTo("5");
		assertThat(api.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(api.getResponse().getContentAsString()).contains("\"status\":503");

		MvcResult page = mvc.perform(get("/elections/failing")).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(503);
		assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("5");
	}

	@Test
	void theSameFailureWithTheDatabaseThereIsTheApisOwn500Problem() throws Exception {
		TestDatabase database = TestDatabase.get();
		MockMvc mvc = mvc(new DriverManagerDataSource(database.url(), database.username(), database.password()));

		MvcResult api = mvc.perform(get("/api/v1/failing")).andReturn();

		assertThat(api.getResponse().getStatus()).isEqualTo(500);
		assertThat(api.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(api.getResponse().getContentAsString()).contains("the error is logged");
	}

	/**
	 * Issue 21: unanswerable reads took about 2.9 s in an outage, two full waits for a
	 * connection in one request. A pool that cannot open connections is the outage after
	 * the first 0.5 s, and the next requests wait no longer than that; a pool that is
	 * only busy (its one connection lent) is not, and keeps its whole wait.
	 */
	@Test
	void aPoolThatCannotConnectIsTheOutageAfterAShortWaitAndABusyOneIsNot() throws Exception {
		HikariConfig away = new HikariConfig();
		// nothing listens on port 1
		away.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/away?connectTimeout=2");
		away.setConnectionTimeout(2000);
		away.setInitializationFailTimeout(-1);
		try (OutageConnectionWait pool = new OutageConnectionWait(new HikariDataSource(away), Duration.ofMillis(500))) {
			assertThat(pool.isShortened()).isFalse();
			assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
			assertThat(pool.isShortened()).as("known away after the first short wait").isTrue();
			assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
		}

		TestDatabase database = TestDatabase.get();
		HikariConfig busy = new HikariConfig();
		busy.setJdbcUrl(database.url());
		busy.setUsername(database.username());
		busy.setPassword(database.password());
		busy.setMaximumPoolSize(1);
		busy.setConnectionTimeout(1000);
		try (OutageConnectionWait pool = new OutageConnectionWait(new HikariDataSource(busy), Duration.ofMillis(500));
				Connection lent = pool.getConnection()) {
			assertThat(lent.isValid(1)).isTrue();
			long start = System.nanoTime();
			assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class);
			// the whole wait, not the outage's half second
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
			assertThat(pool.isShortened()).as("a busy pool is not an outage").isFalse();
		}
	}

	private static MockMvc mvc(DriverManagerDataSource dataSource) {
		DatabaseOutageCheck check = new DatabaseOutageCheck(() -> false, dataSource);
		return MockMvcBuilders.standaloneSetup(new Failing())
			.setControllerAdvice(new ApiExceptionHandler(check))
			.build();
	}

	@RestController
	static class Failing {

		@GetMapping({ "/api/v1/failing", "/elections/failing" })
		String fail() {
			// what Spring throws when the rollback after a broken statement fails
			throw new TransactionSystemException("JDBC rollback failed");
		}

	}

}

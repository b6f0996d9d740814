package org.tally.system;

import java.time.Duration;

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

package org.tally.system;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error on {@code /api} is {@code application/problem+json} (RFC 9457), the ones
 * Spring and Spring Security raise themselves included, and an unexpected exception is a
 * 500 that tells nothing of Tally's insides.
 */
@TallyIntegrationTest
@Import(ApiProblemDetailsTests.Failing.class)
class ApiProblemDetailsTests {

	final TallyApi api;

	ApiProblemDetailsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void unexpectedContentTypeIs415Problem() {
		problem(this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.TEXT_PLAIN)
			.body("slug=x")
			.exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void unsupportedMethodIs405Problem() {
		problem(this.api.admin().delete().uri("/api/v1/elections").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void malformedJsonIs400Problem() {
		problem(this.api.admin()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"slug\": ")
			.exchange(), HttpStatus.BAD_REQUEST);
	}

	@Test
	void unknownPathIs404Problem() {
		problem(this.api.anonymous().get().uri("/api/v1/no-such-thing").exchange(), HttpStatus.NOT_FOUND);
		problem(this.api.anonymous().get().uri("/api/v1/elections/no-such-election").exchange(), HttpStatus.NOT_FOUND);
	}

	@Test
	void badParameterIs400ProblemNamingIt() {
		this.api.createElection("problems-level", "special-general");
		String body = problem(
				this.api.anonymous().get().uri("/api/v1/elections/problems-level/contests/none").exchange(),
				HttpStatus.NOT_FOUND);
		assertThat(body).contains("No contest 'none'");
		this.api
			.importCsv("problems-level",
					"county,office,district,party,candidate,votes\nAlpha,Mayor,1,,Ann,3\n"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"mode=setup")
			.expectStatus()
			.isCreated();
		assertThat(problem(this.api.anonymous()
			.get()
			.uri("/api/v1/elections/problems-level/contests/mayor-1?level=state")
			.exchange(), HttpStatus.BAD_REQUEST)).contains("level: must be county or precinct");
		problem(this.api.anonymous().get().uri("/api/v1/elections/problems-level/contests?since=abc").exchange(),
				HttpStatus.BAD_REQUEST);
	}

	@Test
	void missingCredentialsAre401Problem() {
		problem(this.api.anonymous()
			.post()
			.uri("/api/v1/elections")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange(), HttpStatus.UNAUTHORIZED);
	}

	@Test
	void unexpectedExceptionIs500ProblemWithoutInternals() {
		String body = problem(this.api.anonymous().get().uri("/api/v1/test-failure").exchange(),
				HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(body).doesNotContain("secret", "IllegalStateException", "Failing", "at org.");
	}

	@Test
	void aBareIllegalArgumentExceptionIsNotABadRequest() {
		problem(this.api.anonymous().get().uri("/api/v1/test-illegal-argument").exchange(),
				HttpStatus.INTERNAL_SERVER_ERROR);
	}

	@Test
	void pagesStillGetHtmlErrors() {
		String body = this.api.anonymous()
			.get()
			.uri("/elections/no-such-election")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("<html");
	}

	private static String problemBody(RestTestClient.ResponseSpec response, HttpStatus status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static String problem(RestTestClient.ResponseSpec response, HttpStatus status) {
		String body = problemBody(response, status);
		assertThat(body).contains("\"status\":" + status.value()).contains("\"title\"");
		return body;
	}

	/** An API endpoint that fails the way a bug would. */
	@TestConfiguration
	@RestController
	static class Failing {

		@GetMapping("/api/v1/test-failure")
		String fail() {
			throw new IllegalStateException("secret internals: connection string postgres://...");
		}

		@GetMapping("/api/v1/test-illegal-argument")
		String illegal() {
			throw new IllegalArgumentException("secret: an internal argument check");
		}

	}

}

package org.tally.staff;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: every anonymous {@code GET /login} created a 30-minute session, so one client
 * could fill the heap. Now anonymous requests keep no server state: the sign-in form's
 * CSRF token travels in a cookie, and sign-in still needs it.
 */
@TallyIntegrationTest
class AnonymousSessionTests {

	@LocalServerPort
	int port;

	@Test
	void aThousandAnonymousSignInPagesCreateNoSession(TallyApi api) throws Exception {
		double createdBefore = sessionsCreated(api);
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		int withSession = 0;
		int withCsrfCookie = 0;
		for (int i = 0; i < 1000; i++) {
			HttpResponse<String> page = get(client, "/login");
			assertThat(page.statusCode()).isEqualTo(200);
			List<String> cookies = page.headers().allValues("Set-Cookie");
			withSession += cookies.stream().anyMatch((c) -> c.startsWith("JSESSIONID=")) ? 1 : 0;
			withCsrfCookie += cookies.stream().anyMatch((c) -> c.startsWith("TALLY-CSRF=")) ? 1 : 0;
		}
		for (String path : new String[] { "/", "/staff", "/staff/users", "/login?error", "/no-such-page" }) {
			assertThat(get(client, path).headers().allValues("Set-Cookie")).as(path)
				.noneMatch((c) -> c.startsWith("JSESSIONID="));
		}

		assertThat(withSession).as("responses that set a session cookie").isZero();
		assertThat(withCsrfCookie).as("the token is in a cookie instead").isEqualTo(1000);
		assertThat(sessionsCreated(api) - createdBefore).as("sessions Tomcat created").isZero();
	}

	@Test
	void signInStillNeedsTheCookieAndTheFormsToken() {
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.get("/login");
		HttpResponse<String> withoutToken = browser.postRaw("/login",
				Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD));
		StaffBrowser other = new StaffBrowser(this.port);
		String othersToken = other.get("/login").body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> tokenOfAnotherBrowser = browser.postRaw("/login",
				Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD, "_csrf", othersToken));

		HttpResponse<String> signedIn = other.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(tokenOfAnotherBrowser.statusCode()).as("token of another cookie").isEqualTo(403);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/staff"));
		assertThat(other.sessionId()).as("a session only once signed in").isNotNull();
		assertThat(other.get("/staff").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double sessionsCreated(TallyApi api) {
		Map<String, Object> metric = api.admin()
			.get()
			.uri("/actuator/metrics/tomcat.sessions.created")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
		return ((Number) measurements.get(0).get("value")).doubleValue();
	}

}

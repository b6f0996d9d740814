package org.tally.staff;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' doors: sign-in with CSRF, a new session id after sign-in, admin pages closed
 * to STAFF, throttling through the form, and the security headers.
 */
@TallyIntegrationTest
class PageSecurityTests {

	@LocalServerPort
	int port;

	StaffAccounts accounts;

	@BeforeEach
	void connect() {
		this.accounts = new StaffAccounts(this.port, new TallyApi(this.port));
	}

	@Test
	void sendsAnonymousStaffVisitorsToTheSignInPage() {
		HttpResponse<String> response = new StaffBrowser(this.port).get("/staff");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void refusesASignInWithoutTheCsrfToken() {
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.get("/login");

		HttpResponse<String> response = browser.postRaw("/login",
				Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void refusesAStaffFormWithoutTheCsrfTokenEvenWhenSignedIn() {
		StaffBrowser browser = new StaffBrowser(this.port);
		assertThat(browser.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD).statusCode()).isEqualTo(302);

		HttpResponse<String> response = browser.postRaw("/staff/elections",
				Map.of("slug", "csrf-less", "name", "x", "date", "2017-06-06", "kind", "general", "jurisdiction", "x"));

		assertThat(response.statusCode()).isEqualTo(403);
		HttpResponse<String> withToken = browser.get("/staff");
		assertThat(withToken.body()).doesNotContain("csrf-less");
	}

	@Test
	void givesANewSessionIdOnSignIn() {
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.get("/login");
		assertThat(browser.sessionId()).as("the sign-in page keeps no session").isNull();

		HttpResponse<String> response = browser.post("/login",
				Map.of("username", Staff.ADMIN, "password", Staff.ADMIN_PASSWORD));
		String first = browser.sessionId();
		browser.post("/logout", Map.of());
		browser.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/staff"));
		assertThat(first).isNotNull();
		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(first);
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
	}

	@Test
	void keepsStaffOutOfTheAdminPages() {
		String staff = this.accounts.create("pages", "STAFF");
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.signIn(staff, StaffAccounts.PASSWORD);

		assertThat(browser.get("/staff").statusCode()).isEqualTo(200);
		assertThat(browser.get("/staff").body()).doesNotContain("/staff/users");
		for (String page : new String[] { "/staff/users", "/staff/tokens", "/staff/audit" }) {
			assertThat(browser.get(page).statusCode()).as(page).isEqualTo(403);
		}
		assertThat(browser
			.post("/staff/users", Map.of("username", "promoted", "password", "long enough password", "role", "ADMIN"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void showsAdminsTheAdminPages() {
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);

		for (String page : new String[] { "/staff/users", "/staff/tokens", "/staff/audit" }) {
			assertThat(browser.get(page).statusCode()).as(page).isEqualTo(200);
		}
		assertThat(browser.get("/staff/audit").body()).contains("sign-in");
	}

	@Test
	void signsOutAnOpenSessionWhenAnAdminDisablesTheAccount() {
		String staff = this.accounts.create("leaver", "STAFF");
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.signIn(staff, StaffAccounts.PASSWORD);
		assertThat(browser.get("/staff").statusCode()).isEqualTo(200);

		this.accounts.change(staff, "{\"enabled\":false}");

		assertThat(browser.get("/staff").statusCode()).isEqualTo(302);
		assertThat(browser.signIn(staff, StaffAccounts.PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void takesAdminPagesAwayFromAnOpenSessionWhenAnAdminIsDemoted() {
		String admin = this.accounts.create("second-admin", "ADMIN");
		StaffBrowser browser = new StaffBrowser(this.port);
		browser.signIn(admin, StaffAccounts.PASSWORD);
		assertThat(browser.get("/staff/users").statusCode()).isEqualTo(200);

		this.accounts.change(admin, "{\"role\":\"STAFF\"}");

		assertThat(browser.get("/staff/users").statusCode()).isEqualTo(403);
		assertThat(browser.get("/staff").statusCode()).isEqualTo(200);
	}

	@Test
	void slowsTheFormAfterFiveWrongPasswords() {
		String staff = this.accounts.create("formtypo", "STAFF");
		StaffBrowser browser = new StaffBrowser(this.port);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> failed = browser.signIn(staff, "wrong password!");
			assertThat(failed.headers().firstValue("Location"))
				.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?error"));
		}

		HttpResponse<String> throttled = browser.signIn(staff, StaffAccounts.PASSWORD);

		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(throttled.body()).contains("try again in 1 s");
	}

	@Test
	void sendsSecurityHeadersOnPages() {
		HttpResponse<String> page = new StaffBrowser(this.port).get("/login");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("frame-ancestors 'self'")
				.contains("script-src 'self'")
				.doesNotContain("unsafe-eval"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
	}

	@Test
	void letsAnySiteFrameAnEmbedButNotTheOtherPages(TallyApi api) {
		api.createElection("embed-framing", "general");
		api.admin()
			.post()
			.uri("/api/v1/elections/embed-framing/contests")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"office\":\"Mayor\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		StaffBrowser browser = new StaffBrowser(this.port);

		HttpResponse<String> embed = browser.get("/embed/elections/embed-framing/contests/mayor");
		HttpResponse<String> page = browser.get("/elections/embed-framing/contests/mayor");

		assertThat(embed.statusCode()).isEqualTo(200);
		assertThat(embed.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies((csp) -> assertThat(csp).contains("frame-ancestors *"));
		assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies((csp) -> assertThat(csp).contains("frame-ancestors 'self'"));
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
	}

	@Test
	void leavesFramingOfEmbedsToTheEmbedPages() {
		HttpResponse<String> embed = new StaffBrowser(this.port).get("/embed/anything");

		assertThat(embed.headers()
			.firstValue("Content-Security-Policy")
			.filter((csp) -> csp.contains("frame-ancestors 'self'"))).isEmpty();
		assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(embed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

}

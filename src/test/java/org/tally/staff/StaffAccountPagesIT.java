package org.tally.staff;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
import org.tally.support.SignIn;
import org.tally.support.Staff;
import org.tally.support.TallyApi;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account pages of issue 21 in Chromium: a user whose password an admin set is kept
 * on "Your password" until they choose one; the tokens page with scopes; the audit log
 * filtered. Screenshots land in target/screenshots/staff.
 */
@BrowserTest
class StaffAccountPagesIT {

	@LocalServerPort
	int port;

	Browser chromium;

	WebDriver browser;

	@BeforeEach
	void open() {
		this.chromium = Browser.open(this.port, true, 1280, 900);
		this.browser = this.chromium.driver();
		this.browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterEach
	void close() {
		this.chromium.close();
	}

	@Test
	void aResetUserChoosesAPasswordThenAnAdminReadsTheTrail() {
		StaffAccounts accounts = new StaffAccounts(this.port, new TallyApi(this.port));
		String staff = accounts.create("browser-reset", "STAFF");
		accounts.change(staff, "{\"password\":\"temporary password 1\"}");

		this.chromium.get("/login");
		SignIn.onForm(this.chromium, staff, "temporary password 1");
		assertThat(this.browser.getCurrentUrl()).endsWith("/staff/password");
		assertThat(this.browser.findElement(By.cssSelector("[role=alert]")).getText())
			.contains("An admin set your password");
		this.chromium.screenshot("staff/password-forced");
		this.chromium.type("current-password", "temporary password 1");
		this.chromium.type("new-password", "my own passphrase");
		this.chromium.type("confirmation", "my own passphrase");
		this.chromium.submit("Change password");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff desk");
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText())
			.contains("Your password is changed");
		this.chromium.submit("Sign out");

		this.chromium.get("/login");
		SignIn.onForm(this.chromium, Staff.ADMIN, Staff.ADMIN_PASSWORD);
		this.chromium.get("/staff/tokens");
		assertThat(this.browser.findElements(By.name("scopes"))).hasSize(3);
		this.chromium.screenshot("staff/tokens-scopes");
		this.chromium.get("/staff/users");
		this.chromium.screenshot("staff/users");
		this.chromium.get("/staff/audit?user=" + staff);
		assertThat(this.browser.findElement(By.tagName("tbody")).getText()).contains("password-changed")
			.doesNotContain("user-created");
		this.chromium.screenshot("staff/audit-filtered");
	}

}

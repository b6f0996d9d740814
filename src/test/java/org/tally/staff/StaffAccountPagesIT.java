package org.tally.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
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

		signIn(staff, "temporary password 1");
		assertThat(this.browser.getCurrentUrl()).endsWith("/staff/password");
		assertThat(this.browser.findElement(By.cssSelector("[role=alert]")).getText())
			.contains("An admin set your password");
		shoot("password-forced");
		type("current-password", "temporary password 1");
		type("new-password", "my own passphrase");
		type("confirmation", "my own passphrase");
		submit("Change password");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff desk");
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText())
			.contains("Your password is changed");
		submit("Sign out");

		signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD);
		visit("/staff/tokens");
		assertThat(this.browser.findElements(By.name("scopes"))).hasSize(3);
		shoot("tokens-scopes");
		visit("/staff/users");
		shoot("users");
		visit("/staff/audit?user=" + staff);
		assertThat(this.browser.findElement(By.tagName("tbody")).getText()).contains("password-changed")
			.doesNotContain("user-created");
		shoot("audit-filtered");
	}

	private void signIn(String username, String password) {
		visit("/login");
		type("username", username);
		type("password", password);
		submit("Sign in");
	}

	private void visit(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void submit(String label) {
		WebElement button = this.browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
		button.click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((driver) -> {
			try {
				button.isDisplayed();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
		});
	}

	private void shoot(String name) {
		try {
			Path dir = Path.of("target", "screenshots", "staff");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

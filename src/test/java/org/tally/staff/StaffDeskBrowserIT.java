package org.tally.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
import org.tally.support.SignIn;
import org.tally.support.Staff;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Election night in Chromium: sign in, set up, import, call, concede, all by clicking
 * through the staff pages. Screenshots of each page land in target/screenshots/staff.
 */
@BrowserTest
class StaffDeskBrowserIT {

	static final String ELECTION = "browser-ca-34";

	@LocalServerPort
	int port;

	Browser chromium;

	WebDriver browser;

	@BeforeEach
	void open() {
		this.chromium = Browser.open(this.port, true, 1280, 1000);
		this.browser = this.chromium.driver();
		this.browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterEach
	void close() {
		this.chromium.close();
	}

	@Test
	void staffRunElectionNightByClicking() {
		this.chromium.get("/staff");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.chromium.screenshot("staff/login");
		SignIn.onForm(this.chromium, Staff.ADMIN, Staff.ADMIN_PASSWORD);
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff desk");

		this.chromium.type("slug", ELECTION);
		this.chromium.type("name", "CA-34 Special General (browser)");
		this.browser.findElement(By.id("date")).sendKeys("06062017");
		new Select(this.browser.findElement(By.id("kind"))).selectByValue("special-general");
		this.chromium.type("jurisdiction", "California");
		this.chromium.submit("Create election");
		this.chromium.screenshot("staff/home");

		this.chromium.get("/staff/elections/" + ELECTION);
		this.browser.findElement(By.tagName("summary")).click();
		this.chromium.type("office", "U.S. House");
		this.chromium.type("district", "34");
		this.chromium.type("ballotsOutstanding", "100");
		this.chromium.submit("Add contest");
		this.chromium.type("unit-name", "Los Angeles");
		this.chromium.submit("Add unit");
		this.chromium.screenshot("staff/election");

		this.chromium.get("/staff/elections/" + ELECTION + "/contests/us-house-34");
		for (String name : new String[] { "Jimmy Gomez", "Robert Lee Ahn" }) {
			WebElement add = this.browser.findElement(By.cssSelector("input[placeholder='name']"));
			add.sendKeys(name);
			this.chromium.submit("Add candidate");
		}
		this.chromium.get("/staff/elections/" + ELECTION);
		this.browser.findElement(By.linkText("Imports")).click();
		this.browser.findElement(By.id("file")).sendKeys(resource("ca34/20170606__ca__special__general.csv"));
		this.browser.findElement(By.cssSelector("#upload-form button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#confirm-form button")))
			.click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));

		this.chromium.get("/staff/elections/" + ELECTION + "/contests/us-house-34");
		assertThat(this.browser.findElement(By.id("count")).getText()).contains("25,569", "decided");
		this.browser.findElement(By.cssSelector("#call input[name=winners][value='Jimmy Gomez']")).click();
		this.chromium.submit("Record call");
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Call recorded");
		WebElement ahn = this.browser.findElement(By.xpath(
				"//section[@id='concessions']//tr[td[1][normalize-space()='Robert Lee Ahn']]//input[@name='statement']"));
		ahn.sendKeys("Ahn conceded on election night");
		ahn.submit();
		this.chromium.awaitNextPage(ahn);
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText())
			.contains("Concession of Robert Lee Ahn recorded");
		assertThat(this.browser.findElement(By.id("count")).getText()).contains("winner", "conceded");
		this.chromium.screenshot("staff/contest");

		this.chromium.get("/staff/users");
		this.chromium.screenshot("staff/users");
		this.chromium.get("/staff/tokens");
		this.chromium.type("token-name", "county feed");
		this.chromium.submit("Create token");
		assertThat(this.browser.findElement(By.cssSelector(".secret code")).getText()).startsWith("tally_");
		this.chromium.screenshot("staff/tokens");
		this.chromium.get("/staff/audit");
		assertThat(this.browser.findElement(By.tagName("table")).getText()).contains("concession", "call",
				"token-created");
		this.chromium.screenshot("staff/audit");
	}

	static String resource(String name) {
		try {
			return new ClassPathResource(name).getFile().getAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

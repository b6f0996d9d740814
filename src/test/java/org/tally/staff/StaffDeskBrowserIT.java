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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
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
		visit("/staff");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		shoot("login");
		type("username", Staff.ADMIN);
		type("password", Staff.ADMIN_PASSWORD);
		submit("Sign in");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff desk");

		type("slug", ELECTION);
		type("name", "CA-34 Special General (browser)");
		this.browser.findElement(By.id("date")).sendKeys("06062017");
		new Select(this.browser.findElement(By.id("kind"))).selectByValue("special-general");
		type("jurisdiction", "California");
		submit("Create election");
		shoot("home");

		visit("/staff/elections/" + ELECTION);
		this.browser.findElement(By.tagName("summary")).click();
		type("office", "U.S. House");
		type("district", "34");
		type("ballotsOutstanding", "100");
		submit("Add contest");
		type("unit-name", "Los Angeles");
		submit("Add unit");
		shoot("election");

		visit("/staff/elections/" + ELECTION + "/contests/us-house-34");
		for (String name : new String[] { "Jimmy Gomez", "Robert Lee Ahn" }) {
			WebElement add = this.browser.findElement(By.cssSelector("input[placeholder='name']"));
			add.sendKeys(name);
			submit("Add candidate");
		}
		visit("/staff/elections/" + ELECTION);
		this.browser.findElement(By.linkText("Imports")).click();
		this.browser.findElement(By.id("file")).sendKeys(resource("ca34/20170606__ca__special__general.csv"));
		this.browser.findElement(By.cssSelector("#upload-form button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#confirm-form button")))
			.click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));

		visit("/staff/elections/" + ELECTION + "/contests/us-house-34");
		assertThat(this.browser.findElement(By.id("count")).getText()).contains("25,569", "decided");
		this.browser.findElement(By.cssSelector("#call input[name=winners][value='Jimmy Gomez']")).click();
		submit("Record call");
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Call recorded");
		WebElement ahn = this.browser.findElement(By.xpath(
				"//section[@id='concessions']//tr[td[1][normalize-space()='Robert Lee Ahn']]//input[@name='statement']"));
		ahn.sendKeys("Ahn conceded on election night");
		ahn.submit();
		awaitNextPage(ahn);
		assertThat(this.browser.findElement(By.cssSelector("[role=status]")).getText())
			.contains("Concession of Robert Lee Ahn recorded");
		assertThat(this.browser.findElement(By.id("count")).getText()).contains("winner", "conceded");
		shoot("contest");

		visit("/staff/users");
		shoot("users");
		visit("/staff/tokens");
		type("token-name", "county feed");
		submit("Create token");
		assertThat(this.browser.findElement(By.cssSelector(".secret code")).getText()).startsWith("tally_");
		shoot("tokens");
		visit("/staff/audit");
		assertThat(this.browser.findElement(By.tagName("table")).getText()).contains("concession", "call",
				"token-created");
		shoot("audit");
	}

	static String resource(String name) {
		try {
			return new ClassPathResource(name).getFile().getAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void visit(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Clicks the form's button and waits for the page it posts to (POST, redirect, GET).
	 */
	void submit(String label) {
		WebElement button = this.browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
		button.click();
		awaitNextPage(button);
	}

	/**
	 * Waits until the element's page has been replaced, so the next lookup reads the new
	 * one.
	 */
	void awaitNextPage(WebElement onOldPage) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((driver) -> {
			try {
				onOldPage.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				// Chromium's answer while the old document is being torn down: gone too
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	void shoot(String name) {
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

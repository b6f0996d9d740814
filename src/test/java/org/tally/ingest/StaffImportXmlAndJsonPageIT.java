package org.tally.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tally.support.Browser;
import org.tally.support.BrowserTest;
import org.tally.support.SignIn;
import org.tally.support.Staff;
import org.tally.support.TallyApi;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff in Chromium preview a Clarity detail.xml (Georgia's Atkinson County, 2020) and a
 * NIST 1500-100 report as they come, format told from the bytes: the preview shows the
 * totals the files state. Screenshots land in {@code target/}.
 */
@BrowserTest
class StaffImportXmlAndJsonPageIT {

	@LocalServerPort
	int port;

	Browser chromium;

	WebDriver browser;

	Path work;

	@BeforeEach
	void openBrowser() throws IOException {
		this.chromium = Browser.open(this.port, true, 1280, 1000);
		this.browser = this.chromium.driver();
		this.work = Files.createTempDirectory("staff-import-formats-it");
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void staffPreviewAClarityDetailXmlAndANistReport() throws IOException {
		String election = new TallyApi(this.port).createElection("formats-browser", "general");
		signIn("/staff/elections/" + election + "/imports");

		Path detail = this.work.resolve("detail.xml");
		Files.write(detail, RecordingSink.resource("clarity-detail-ga-atkinson-2020-precinct.xml"));
		String preview = preview(detail, "staff-imports-preview-clarity-detail");
		// the file's totalVotes: Trump 2300, Biden 825, Jorgensen 30 (3,155 votes)
		assertThat(preview).contains("President of the United States", "3,155", "Donald J. Trump");

		Path nist = this.work.resolve("nist-composed-units.json");
		Files.write(nist, RecordingSink.json("nist-composed-units.json"));
		preview = preview(nist, "staff-imports-preview-nist");
		// Governor: Ann Able 1,000, Bob Baker 800 and the write-ins 6 (the file's counted
		// units; its over-votes are nobody's)
		assertThat(preview).contains("Governor", "1,806", "Ann Able");
	}

	private String preview(Path file, String screenshot) throws IOException {
		this.browser.findElement(By.id("file")).sendKeys(file.toString());
		new Select(this.browser.findElement(By.id("format"))).selectByValue("auto");
		new Select(this.browser.findElement(By.id("mode"))).selectByValue("setup");
		this.browser.findElement(By.cssSelector("#upload-form button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("#result"), file.getFileName().toString()));
		new WebDriverWait(this.browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.preview")));
		screenshot(screenshot);
		return this.browser.findElement(By.cssSelector("table.preview")).getText();
	}

	private void signIn(String page) {
		SignIn.adminInBrowser(this.browser, "http://localhost:" + this.port + page, By.id("upload-form"));
	}

	private void screenshot(String name) throws IOException {
		byte[] png = ((org.openqa.selenium.TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Files.write(Path.of("target", name + ".png"), png);
	}

}

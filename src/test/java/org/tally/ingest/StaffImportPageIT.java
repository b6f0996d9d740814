package org.tally.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Staff in Chromium: sign in, upload the CA-34 file, see the preview (sent by htmx with
 * an upload progress bar), apply it, and find it in the history; a broken file shows its
 * problems. Screenshots land in {@code target/}.
 */
@BrowserTest
class StaffImportPageIT {

	@LocalServerPort
	int port;

	Browser chromium;

	WebDriver browser;

	Path work;

	@BeforeEach
	void openBrowser() throws IOException {
		this.chromium = Browser.open(this.port, true, 1280, 1000);
		this.browser = this.chromium.driver();
		this.work = Files.createTempDirectory("staff-import-it");
	}

	@AfterEach
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void staffPreviewAndApplyAFileInTheBrowser() throws IOException {
		String election = new TallyApi(this.port).createElection("ca34-browser", "special-general");
		Path file = this.work.resolve("20170606__ca__special__general__los_angeles__precinct.csv");
		Files.write(file, TallyApi.read("ca34/20170606__ca__special__general__los_angeles__precinct.csv"));
		signIn("/staff/elections/" + election + "/imports");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));

		this.browser.findElement(By.id("file")).sendKeys(file.toString());
		new Select(this.browser.findElement(By.id("mode"))).selectByValue("setup");
		this.browser.findElement(By.cssSelector("#upload-form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.preview")));
		screenshot("staff-imports-preview");

		assertThat(this.browser.findElement(By.cssSelector("table.preview")).getText())
			.contains("U.S. House, District 34", "43,179", "Jimmy Gomez, Robert Lee Ahn");
		// the history below follows the preview without a reload
		assertThat(this.browser.findElement(By.cssSelector("#history table.history")).getText()).contains("preview");

		this.browser.findElement(By.cssSelector("#confirm-form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applied")));
		assertThat(this.browser.findElement(By.id("applied")).getText()).contains("390 rows as revision 1");
		assertThat(this.browser.findElement(By.cssSelector("table.history")).getText()).contains("admin",
				"20170606__ca__special__general__los_angeles__precinct.csv", "applied (revision 1)", "preview");

		Path broken = this.work.resolve("broken.csv");
		Files.writeString(broken,
				"county,precinct,office,district,party,candidate,votes\n"
						+ "Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomes,309\n"
						+ "Los Angeles,0850001A,U.S. House,34,DEM,Robert Lee Ahn,2B\n",
				StandardCharsets.UTF_8);
		this.browser.findElement(By.id("file")).sendKeys(broken.toString());
		new Select(this.browser.findElement(By.id("mode"))).selectByValue("strict");
		this.browser.findElement(By.cssSelector("#upload-form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.problems")));
		screenshot("staff-imports-problems");

		assertThat(this.browser.findElement(By.cssSelector("table.problems")).getText()).contains("2B",
				"not a whole number");
	}

	@Test
	void previewListsTheTotalsTheFileStatesThatDisagree() throws IOException {
		String election = new TallyApi(this.port).createElection("allegheny-browser", "general");
		Path file = this.work.resolve("detail.xml");
		Files.write(file,
				ClarityDetailReconciliation.oneMoreVoteForLaing(TallyApi.read(ClarityDetailReconciliation.ALLEGHENY)));
		signIn("/staff/elections/" + election + "/imports");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));

		this.browser.findElement(By.id("file")).sendKeys(file.toString());
		new Select(this.browser.findElement(By.id("mode"))).selectByValue("setup");
		this.browser.findElement(By.cssSelector("#upload-form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.disagreements")));
		screenshot("staff-imports-reconciliation");

		assertThat(this.browser.findElement(By.id("reconciliation")).getText()).contains(
				"2 of 22 totals the file states disagree with its rows.",
				"Member of Council Sharpsburg (2 Year Term) [key 0382]", "Adrianne Laing", "589", "590");
	}

	private void signIn(String page) {
		SignIn.adminInBrowser(this.browser, "http://localhost:" + this.port + page, By.id("upload-form"));
	}

	private void screenshot(String name) throws IOException {
		byte[] png = ((org.openqa.selenium.TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Files.write(Path.of("target", name + ".png"), png);
	}

}

package org.tally.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both where {@link Chromium} finds
 * them, for browser tests ({@link BrowserTest}). Screenshots go to
 * {@code target/screenshots/}. Close it (try-with-resources) to end the browser.
 */
public final class Browser implements AutoCloseable {

	/** Where {@link #screenshot(String)} writes. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String baseUrl;

	private Browser(ChromeDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/** A browser with JavaScript on, 1280 px wide, for Tally on the given port. */
	public static Browser open(int port) {
		return open(port, true, 1280, 900);
	}

	/** A browser of the given window size, with or without JavaScript. */
	public static Browser open(int port, boolean javascript, int width, int height) {
		Chromium chromium = Chromium.find();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.binary().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--hide-scrollbars", "--window-size=" + Math.max(width, 500) + "," + height);
		if (width < 500) {
			// Headless windows are at least 500 px wide: narrower viewports are emulated.
			options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
					Map.of("width", width, "height", height, "pixelRatio", 1.0, "mobile", true)));
		}
		if (!javascript) {
			options.addArguments("--blink-settings=scriptEnabled=false");
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromium.driver().toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, "http://localhost:" + port);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Opens a path of Tally ("/elections/x") or an absolute URL (http:, data:...). */
	public Browser get(String pathOrUrl) {
		this.driver.get(pathOrUrl.startsWith("/") ? this.baseUrl + pathOrUrl : pathOrUrl);
		return this;
	}

	public String url() {
		return this.driver.getCurrentUrl();
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/** The element's text content, also when it is hidden (a closed details element). */
	public static String text(WebElement element) {
		String text = element.getAttribute("textContent");
		return (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
	}

	/** Runs a script in the page and returns its result. */
	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Waits (up to the timeout) until the condition returns a value other than null or
	 * false. An element swapped out by a live update while the condition reads it is
	 * looked up again on the next try.
	 */
	public <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** Resizes the window. */
	public Browser size(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
		return this;
	}

	/** Types into the field with this id, replacing what it held. */
	public void type(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Clicks the form's button with this label and waits for the page it posts to (POST,
	 * redirect, GET).
	 */
	public void submit(String label) {
		WebElement button = this.driver.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
		button.click();
		awaitNextPage(button);
	}

	/**
	 * Waits until the element's page has been replaced, so the next lookup reads the new
	 * one.
	 */
	public void awaitNextPage(WebElement onOldPage) {
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((driver) -> {
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

	/**
	 * Saves what the window shows to {@code target/screenshots/<name>.png} ({@code name}
	 * may name a folder: {@code staff/login}).
	 */
	public Path screenshot(String name) {
		try {
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.createDirectories(target.getParent());
			File file = this.driver.getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves the whole page, not only the viewport, up to {@code maxHeight} CSS pixels
	 * tall, to {@code target/screenshots/<name>.png}.
	 */
	public Path fullPageScreenshot(String name, int maxHeight) {
		Number width = (Number) script("return document.documentElement.clientWidth");
		Number height = (Number) script("return document.documentElement.scrollHeight");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height",
				Math.min(maxHeight, height.intValue()), "scale", 1);
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}

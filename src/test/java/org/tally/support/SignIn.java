package org.tally.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in the way staff do, written once for the tests: HTTP Basic on the API, the
 * sign-in form over plain HTTP, the sign-in form in Chromium.
 */
public final class SignIn {

	private SignIn() {
	}

	/** The {@code Authorization} header value of HTTP Basic for the API. */
	public static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Signs in through the form over plain HTTP from {@code from}: loads {@code /login}
	 * for its session cookie and CSRF token, then posts the form; answers the POST's
	 * response.
	 */
	public static FromAddress.Response form(FromAddress from, String username, String password) {
		FromAddress.Response page = from.send("GET", "/login", Map.of(), null);
		String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		String cookie = page.header("Set-Cookie").split(";")[0];
		return from.send("POST", "/login",
				Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
				"username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf));
	}

	/**
	 * Signs in through the form in Chromium: opens {@code url} (a staff page sends the
	 * browser to the form), types the name and password and submits.
	 */
	public static void inBrowser(WebDriver browser, String url, String username, String password) {
		browser.get(url);
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
	}

	/**
	 * {@link #inBrowser} as the admin, then waits up to 30 seconds for the element
	 * {@code shown} of the page signing in leads to.
	 */
	public static void adminInBrowser(WebDriver browser, String url, By shown) {
		inBrowser(browser, url, Staff.ADMIN, Staff.ADMIN_PASSWORD);
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(shown));
	}

	/**
	 * Fills in the sign-in form the browser shows, submits it and waits for the page it
	 * leads to.
	 */
	public static void onForm(Browser browser, String username, String password) {
		browser.type("username", username);
		browser.type("password", password);
		browser.submit("Sign in");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}

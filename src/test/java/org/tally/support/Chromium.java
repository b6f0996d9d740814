package org.tally.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the browser tests find Chromium and its driver, the one place that knows:
 * {@code TALLY_CHROMIUM} and {@code TALLY_CHROMEDRIVER} when set, else {@code chromium}
 * (or {@code chromium-browser}, {@code google-chrome}) and {@code chromedriver} on the
 * {@code PATH}. Without them the browser tests are skipped with one loud line, unless
 * {@code TALLY_BROWSER_TESTS=required} (as in CI), which makes them fail instead.
 *
 * @param binary the browser executable
 * @param driver the chromedriver executable
 */
public record Chromium(Path binary, Path driver) {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable");

	private static final AtomicBoolean announced = new AtomicBoolean();

	/** The Chromium and driver of this machine, or why there are none. */
	public static Chromium find() {
		Optional<Path> binary = locate("TALLY_CHROMIUM", BROWSERS);
		Optional<Path> driver = locate("TALLY_CHROMEDRIVER", List.of("chromedriver"));
		if (binary.isEmpty() || driver.isEmpty()) {
			throw new IllegalStateException(missing(binary.isEmpty(), driver.isEmpty()));
		}
		return new Chromium(binary.get(), driver.get());
	}

	static boolean required() {
		return "required".equalsIgnoreCase(System.getenv("TALLY_BROWSER_TESTS"));
	}

	private static String missing(boolean noBrowser, boolean noDriver) {
		String what = (noBrowser && noDriver) ? "no Chromium and no chromedriver"
				: noBrowser ? "no Chromium" : "no chromedriver";
		return what + " found (TALLY_CHROMIUM / TALLY_CHROMEDRIVER, else chromium and chromedriver on the PATH; "
				+ "Debian: apt-get install chromium chromium-driver)";
	}

	private static Optional<Path> locate(String variable, List<String> names) {
		String configured = System.getenv(variable);
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		String searchPath = System.getenv("PATH");
		if (searchPath == null) {
			return Optional.empty();
		}
		for (String name : names) {
			for (String directory : searchPath.split(File.pathSeparator)) {
				Path candidate = Path.of(directory).resolve(name);
				if (!directory.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Runs a browser test class only where {@link #find()} finds a Chromium; with
	 * {@code TALLY_BROWSER_TESTS=required} a missing Chromium fails the tests instead.
	 */
	static final class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			try {
				Chromium chromium = find();
				return ConditionEvaluationResult.enabled("Chromium: " + chromium.binary() + ", " + chromium.driver());
			}
			catch (IllegalStateException ex) {
				if (required()) {
					throw new IllegalStateException("TALLY_BROWSER_TESTS=required but " + ex.getMessage(), ex);
				}
				if (announced.compareAndSet(false, true)) {
					System.err.println("*** BROWSER TESTS SKIPPED: " + ex.getMessage()
							+ "; TALLY_BROWSER_TESTS=required makes this an error ***");
				}
				return ConditionEvaluationResult.disabled("Browser test skipped: " + ex.getMessage());
			}
		}

	}

}

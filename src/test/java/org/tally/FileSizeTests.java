package org.tally;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No main source file over 500 lines: a file that long holds more than one job, and the
 * next engineer has to read all of it to change one.
 */
class FileSizeTests {

	private static final int MAX_LINES = 500;

	private static final Path MAIN = Path.of("src/main/java");

	/**
	 * Files allowed over the limit for now, each with why (none today). Keep this list
	 * shrinking: a file brought under the limit, or moved, leaves it (the test fails
	 * while an allowed file is short or gone).
	 */
	private static final Set<String> ALLOWED = Set.of();

	@Test
	void noMainFileIsOverFiveHundredLines() throws IOException {
		Map<String, Long> tooLong = new TreeMap<>(overTheLimit());
		tooLong.keySet().removeAll(ALLOWED);
		assertThat(tooLong).as("main files over %d lines (path=lines)", MAX_LINES).isEmpty();
	}

	@Test
	void everyAllowedFileIsStillOverTheLimit() throws IOException {
		Map<String, Long> tooLong = overTheLimit();
		assertThat(ALLOWED.stream().filter((file) -> !tooLong.containsKey(file)).sorted())
			.as("allowed files now at most %d lines long or gone: take them off ALLOWED", MAX_LINES)
			.isEmpty();
	}

	/** Every main file over the limit: its path under src/main/java and its lines. */
	private static Map<String, Long> overTheLimit() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.collect(Collectors.toMap((file) -> MAIN.relativize(file).toString().replace('\\', '/'),
						FileSizeTests::lines))
				.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > MAX_LINES)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.tally.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.tally.results.ReaderLanguages;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages' words: every language has every key, every key the templates and the
 * web classes ask for exists, and every message is a valid pattern with the same
 * arguments in every language. Adding a language is a file and a line of
 * {@code tally.languages}; this test then holds the file to the English one.
 */
class MessageBundlesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9.\\-_]+)");

	private static final Pattern JAVA_KEY = Pattern.compile("\\.text\\(\"([A-Za-z0-9.\\-_]+)\"");

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	@Test
	void everyConfiguredLanguageHasABundleWithEveryKey() throws IOException {
		Properties english = bundle("messages.properties");
		for (Locale locale : configuredLanguages()) {
			if (locale.getLanguage().equals("en")) {
				continue;
			}
			Properties other = bundle("messages_" + ReaderLanguages.code(locale).replace('-', '_') + ".properties");
			assertThat(missing(english, other)).as("keys missing in " + locale).isEmpty();
			assertThat(missing(other, english)).as("keys of " + locale + " that English does not have").isEmpty();
		}
	}

	@Test
	void everyKeyThePublicTemplatesAskForIsInTheBundles() throws IOException {
		Set<String> keys = bundle("messages.properties").stringPropertyNames();
		Set<String> asked = new TreeSet<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:templates/**/*.html")) {
			if (template.getURL().getPath().contains("/templates/staff/")) {
				continue;
			}
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			Matcher matcher = TEMPLATE_KEY.matcher(html);
			while (matcher.find()) {
				asked.add(matcher.group(1));
			}
		}
		assertThat(asked).as("keys in templates").hasSizeGreaterThan(60);
		assertThat(keys).containsAll(asked);
	}

	@Test
	void everyKeyTheWebClassesAskForIsInTheBundles() throws IOException {
		Set<String> keys = bundle("messages.properties").stringPropertyNames();
		Set<String> asked = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/tally/web"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = JAVA_KEY.matcher(Files.readString(source));
				while (matcher.find()) {
					asked.add(matcher.group(1));
				}
			}
		}
		for (String status : List.of("scheduled", "counting", "paused", "unofficial-complete", "certified")) {
			asked.add(ElectionHeader.statusKey(status));
		}
		for (String kind : List.of("general", "primary", "special-primary", "special-general", "runoff")) {
			asked.add(ElectionHeader.kindKey(kind));
		}
		for (String call : List.of("not-called", "too-early", "too-close", "called", "runoff", "uncalled")) {
			asked.add(ContestCard.callKey(call));
		}
		assertThat(asked).as("keys in web classes").hasSizeGreaterThan(25);
		assertThat(keys).containsAll(asked);
	}

	@Test
	void everyMessageIsAPatternWithTheSameArgumentsInEveryLanguage() throws IOException {
		Properties english = bundle("messages.properties");
		List<Properties> bundles = new ArrayList<>();
		bundles.add(english);
		for (Locale locale : configuredLanguages()) {
			if (!locale.getLanguage().equals("en")) {
				bundles.add(bundle("messages_" + ReaderLanguages.code(locale).replace('-', '_') + ".properties"));
			}
		}
		for (Properties bundle : bundles) {
			for (String key : english.stringPropertyNames()) {
				String message = bundle.getProperty(key);
				// parses: braces balance and choice formats are well formed
				new MessageFormat(message, Locale.US);
				assertThat(arguments(message)).as("arguments of " + key + ": " + message)
					.isEqualTo(arguments(english.getProperty(key)));
				if (ARGUMENT.matcher(message).find()) {
					assertThat(message.replace("''", "")).as(key + " has an unescaped apostrophe").doesNotContain("'");
				}
			}
		}
	}

	@Test
	void aMissingOrEmptyKeyIsFound() {
		Properties english = new Properties();
		english.setProperty("card.votes", "Votes");
		english.setProperty("card.new", "New numbers");
		english.setProperty("card.updated", "Updated");
		Properties spanish = new Properties();
		spanish.setProperty("card.votes", "Votos");
		spanish.setProperty("card.updated", " ");

		assertThat(missing(english, spanish)).containsExactly("card.new", "card.updated");
	}

	/** Keys of {@code reference} that {@code other} lacks or leaves blank. */
	static Set<String> missing(Properties reference, Properties other) {
		Set<String> missing = new TreeSet<>();
		for (String key : reference.stringPropertyNames()) {
			String value = other.getProperty(key);
			if (value == null || value.isBlank()) {
				missing.add(key);
			}
		}
		return missing;
	}

	private static Set<String> arguments(String message) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static List<Locale> configuredLanguages() throws IOException {
		Properties application = bundle("application.properties");
		String languages = application.getProperty("tally.languages");
		assertThat(languages).as("tally.languages in application.properties").isNotBlank();
		return Stream.of(languages.split(",")).map(String::strip).map(Locale::forLanguageTag).toList();
	}

	private static Properties bundle(String name) throws IOException {
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name + " on the classpath").isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
	}

}

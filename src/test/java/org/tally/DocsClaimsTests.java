package org.tally;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.tally.kernel.PublicHttpPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README.md and docs/*.md claim that can be checked without a server: the
 * {@code Cache-Control} values they quote are ones Tally sends, the settings they name
 * are read by Tally or Spring Boot, and the API endpoints they name are in
 * docs/openapi.json. Only what the docs quote as code ({@code `…`}) is read.
 */
class DocsClaimsTests {

	private static final Pattern CODE = Pattern.compile("`([^`\n]+)`");

	private static final Pattern DIRECTIVE = Pattern
		.compile("public|private|no-store|no-cache|immutable|must-revalidate|proxy-revalidate|no-transform"
				+ "|(?:max-age|s-maxage|stale-while-revalidate|stale-if-error)=\\d+");

	private static final Pattern SETTING = Pattern
		.compile("((?:tally|spring|server|management)\\.[a-z0-9.-]*[a-z0-9])(?:=.*|\\.\\*)?");

	/** A file the docs name, not a setting: {@code tally.js}, {@code tally.css}. */
	private static final Pattern FILE = Pattern.compile(".*\\.(?:js|css|html|json|xml|properties|md|sql)");

	private static final Pattern ENDPOINT = Pattern
		.compile("(?:(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) )?(/api/[^\\s?`]*)(?:\\?.*)?");

	/**
	 * What Tally sends that is not {@link PublicHttpPolicy}'s, each seen on the wire by
	 * the test named.
	 */
	private static final Set<String> SENT_BY_SPRING = Set.of(
			// AuditLogController: the NIST event log (AuditEventLogTests)
			"no-store, private",
			// Spring Security's default: staff pages, sign-in, error pages
			// (PageCachingTests)
			"no-cache, no-store, max-age=0, must-revalidate",
			// PageCachingConfiguration.ASSETS: hashed CSS, scripts, webjars
			// (PageCachingTests)
			"max-age=31536000, public, immutable");

	/**
	 * Every {@code Cache-Control} value the docs quote is one Tally sends: the policy's
	 * (public reads, live fragments, staff previews, never-stored errors), or one of
	 * {@link #SENT_BY_SPRING}. An embargoed election's value ({@code public, max-age=5}
	 * and less) only where the paragraph (or table row) is about the embargo, so that the
	 * feed's {@code public, max-age=5, stale-while-revalidate=30} is never quoted short.
	 */
	@Test
	void cacheControlValuesAreTheOnesTallySends() throws IOException {
		Set<String> sent = new HashSet<>(SENT_BY_SPRING);
		sent.addAll(List.of(PublicHttpPolicy.PUBLIC, PublicHttpPolicy.LIVE, PublicHttpPolicy.PRIVATE,
				PublicHttpPolicy.NO_STORE));
		Set<String> embargoed = new HashSet<>(
				IntStream.rangeClosed(0, 5).mapToObj((seconds) -> PublicHttpPolicy.embargoed(seconds)).toList());
		List<String> wrong = new ArrayList<>();
		int quoted = 0;
		for (Path doc : docs()) {
			for (String paragraph : paragraphs(doc)) {
				for (String code : code(paragraph)) {
					String value = code.replaceFirst("^Cache-Control:\\s*", "").strip();
					if (!isCacheControl(value)) {
						continue;
					}
					quoted++;
					boolean aboutEmbargo = paragraph.toLowerCase(Locale.ROOT).contains("embargo");
					if (!sent.contains(value) && !(aboutEmbargo && embargoed.contains(value))) {
						wrong.add(doc + ": `" + value + "` in: " + around(paragraph, code));
					}
				}
			}
		}
		assertThat(quoted).as("Cache-Control values quoted in the docs").isGreaterThan(10);
		assertThat(wrong).as("Cache-Control values the docs quote that Tally does not send (PublicHttpPolicy)")
			.isEmpty();
	}

	/**
	 * A table row of the docs that names one of the policy's security headers
	 * ({@code | `Referrer-Policy` | where | `value` |}) quotes one of the policy's values
	 * for it.
	 */
	@Test
	void securityHeadersTheDocsQuoteAreThePolicys() throws IOException {
		Map<String, Set<String>> policy = new HashMap<>();
		for (Map<String, String> headers : List.of(PublicHttpPolicy.API_HEADERS, PublicHttpPolicy.PAGE_HEADERS,
				PublicHttpPolicy.FRAMED_BY_TALLY_ONLY, Map.of("Content-Security-Policy", PublicHttpPolicy.EMBED_CSP))) {
			headers.forEach((name, value) -> policy.computeIfAbsent(name, (key) -> new HashSet<>()).add(value));
		}
		List<String> wrong = new ArrayList<>();
		int quoted = 0;
		for (Path doc : docs()) {
			for (String row : paragraphs(doc)) {
				String[] cells = row.split("\\|");
				if (!row.startsWith("|") || cells.length < 3) {
					continue;
				}
				List<String> name = code(cells[1]);
				List<String> value = code(cells[cells.length - 1]);
				if (name.size() != 1 || !policy.containsKey(name.get(0)) || value.isEmpty()) {
					continue;
				}
				quoted++;
				if (!policy.get(name.get(0)).contains(value.get(0))) {
					wrong.add(doc + ": " + row);
				}
			}
		}
		assertThat(quoted).as("security headers quoted in the docs' tables").isGreaterThanOrEqualTo(5);
		assertThat(wrong).as("security header values the docs quote that are not PublicHttpPolicy's").isEmpty();
	}

	/**
	 * Every setting the docs name ({@code tally.*}, {@code spring.*}, {@code server.*},
	 * {@code management.*}) is one: in Spring Boot's or Tally's configuration metadata
	 * (records such as {@code TallyProperties}), a key of application*.properties, or a
	 * name Tally's code reads ({@code "${tally.…"}, {@code getProperty("tally.…")}) or
	 * writes (its meters).
	 */
	@Test
	void settingsTheDocsNameExist() throws IOException {
		Set<String> known = new HashSet<>(metadataNames());
		known.addAll(propertiesKeys());
		known.addAll(namesInCode());
		assertThat(known).as("Spring Boot's configuration metadata").contains("server.port", "tally.admin-password");
		List<String> unknown = new ArrayList<>();
		for (Path doc : docs()) {
			for (String code : code(Files.readString(doc))) {
				Matcher setting = SETTING.matcher(code);
				if (!setting.matches() || FILE.matcher(setting.group(1)).matches()) {
					continue;
				}
				String name = setting.group(1);
				if (!known.contains(name) && known.stream().noneMatch((each) -> each.startsWith(name + "."))) {
					unknown.add(doc + ": `" + code + "`");
				}
			}
		}
		assertThat(unknown).as("settings the docs name that neither Tally nor Spring Boot reads").isEmpty();
	}

	/**
	 * Every API endpoint the docs name ({@code GET /api/v1/elections/{e}}, or a bare
	 * path) is in docs/openapi.json: with its method when one is named; a bare path (or
	 * one ending in {@code /} or {@code **}) may name the start of one. A
	 * {@code {placeholder}} on either side stands for any one segment.
	 */
	@Test
	void endpointsTheDocsNameAreInTheOpenApiDocument() throws IOException {
		JsonNode paths = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("docs", "openapi.json")))
			.get("paths");
		List<String> documented = new ArrayList<>();
		paths.propertyNames().forEach(documented::add);
		List<String> missing = new ArrayList<>();
		int named = 0;
		for (Path doc : docs()) {
			for (String code : code(Files.readString(doc))) {
				Matcher endpoint = ENDPOINT.matcher(code);
				if (!endpoint.matches()) {
					continue;
				}
				named++;
				String method = endpoint.group(1);
				String path = endpoint.group(2);
				boolean prefix = method == null || path.endsWith("/") || path.contains("*");
				String asked = path.replaceFirst("/?\\*.*$", "").replaceFirst("/$", "");
				boolean found = documented.stream()
					.filter((candidate) -> matches(asked, candidate, prefix))
					.anyMatch(
							(candidate) -> method == null || paths.get(candidate).has(method.toLowerCase(Locale.ROOT)));
				if (!found) {
					missing.add(doc + ": `" + code + "`");
				}
			}
		}
		assertThat(named).as("API endpoints named in the docs").isGreaterThan(20);
		assertThat(missing).as("API endpoints the docs name that docs/openapi.json does not have").isEmpty();
	}

	/** The paragraph around the code, on one line, at most 160 characters. */
	private static String around(String paragraph, String code) {
		String text = paragraph.strip().replaceAll("\\s+", " ");
		int at = Math.max(0, text.indexOf(code) - 80);
		return text.substring(at, Math.min(text.length(), at + 160));
	}

	private static boolean isCacheControl(String value) {
		List<String> directives = Stream.of(value.split(",")).map(String::strip).toList();
		return directives.stream().allMatch((directive) -> DIRECTIVE.matcher(directive).matches())
				&& (value.contains("no-store") || value.contains("no-cache") || value.contains("max-age="));
	}

	/**
	 * Whether the documented path is the asked one (or, for a prefix, starts with it).
	 */
	private static boolean matches(String asked, String documented, boolean prefix) {
		String[] want = asked.split("/", -1);
		String[] have = documented.split("/", -1);
		if (want.length > have.length || (!prefix && want.length != have.length)) {
			return false;
		}
		for (int i = 0; i < want.length; i++) {
			if (!want[i].equals(have[i]) && !want[i].startsWith("{") && !have[i].startsWith("{")) {
				return false;
			}
		}
		return true;
	}

	private static List<Path> docs() throws IOException {
		List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
		try (Stream<Path> files = Files.list(Path.of("docs"))) {
			files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		return docs;
	}

	/** The blocks between blank lines, each table row a block of its own. */
	private static List<String> paragraphs(Path doc) throws IOException {
		List<String> paragraphs = new ArrayList<>();
		for (String block : Files.readString(doc).split("\n\\s*\n")) {
			StringBuilder text = new StringBuilder();
			for (String line : block.split("\n")) {
				if (line.startsWith("|")) {
					paragraphs.add(line);
				}
				else {
					text.append(line).append('\n');
				}
			}
			paragraphs.add(text.toString());
		}
		return paragraphs;
	}

	private static List<String> code(String text) {
		List<String> code = new ArrayList<>();
		Matcher matcher = CODE.matcher(text);
		while (matcher.find()) {
			code.add(matcher.group(1));
		}
		return code;
	}

	/**
	 * The settings (and their groups) in every configuration metadata on the classpath.
	 */
	private static Set<String> metadataNames() throws IOException {
		Set<String> names = new HashSet<>();
		Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
		for (String resource : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			for (URL url : Collections.list(DocsClaimsTests.class.getClassLoader().getResources(resource))) {
				try (InputStream in = url.openStream()) {
					Matcher matcher = name.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					while (matcher.find()) {
						names.add(matcher.group(1));
					}
				}
			}
		}
		return names;
	}

	private static Set<String> propertiesKeys() throws IOException {
		Set<String> keys = new HashSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
			for (Path file : files.filter((each) -> each.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				for (String line : Files.readAllLines(file)) {
					int equals = line.indexOf('=');
					if (!line.startsWith("#") && equals > 0) {
						keys.add(line.substring(0, equals).strip());
					}
				}
			}
		}
		return keys;
	}

	/**
	 * {@code tally.*} names in the code's strings ({@code "tally.…"},
	 * {@code "${tally.…"}).
	 */
	private static Set<String> namesInCode() throws IOException {
		Set<String> names = new HashSet<>();
		Pattern name = Pattern.compile("(?:\"|\\$\\{)(tally\\.[a-zA-Z0-9.-]*[a-zA-Z0-9])");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((each) -> each.toString().endsWith(".java")).toList()) {
				Matcher matcher = name.matcher(Files.readString(file));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		return names;
	}

}

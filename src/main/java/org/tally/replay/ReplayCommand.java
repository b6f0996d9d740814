package org.tally.replay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tally.results.ElectionStates;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar tally.jar replay --from
 *
<dir>
 * } and {@code export --url <base> --election
 * <slug> --to
<dir>
} (docs/verify.md, "Replay"). The replay starts Tally on a fresh database of the same
 * PostgreSQL server, rebuilds the election from the record, then compares its own
 * {@code results.csv} and {@code cdf.json} with the record's byte for byte. Exit status 0
 * when everything matches, 1 at the first difference, 2 on bad use.
 */
public final class ReplayCommand {

	private ReplayCommand() {
	}

	/** Runs {@code replay} or {@code export}; answers the exit status. */
	public static int run(Class<?> application, String[] args) throws Exception {
		Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
		if ("export".equals(args[0])) {
			new RecordExport().export(options.get("url"), options.get("election"), Path.of(options.get("to")));
			System.out.println("Saved the record of " + options.get("election") + " in " + options.get("to"));
			return 0;
		}
		if (options.get("from") == null) {
			System.err.println("usage: replay --from <dir> [--database-url <jdbc url>] [--username u] "
					+ "[--password p] [--keep]");
			return 2;
		}
		List<String> differences = replay(application, Path.of(options.get("from")),
				options.getOrDefault("database-url",
						env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/tally")),
				options.getOrDefault("username", env("SPRING_DATASOURCE_USERNAME", "postgres")),
				options.getOrDefault("password", env("SPRING_DATASOURCE_PASSWORD", "")), options.containsKey("keep"));
		if (differences.isEmpty()) {
			System.out.println("Replay matches the record: every digest, results.csv and cdf.json");
			return 0;
		}
		differences.forEach(System.out::println);
		return 1;
	}

	/**
	 * Replays the record in {@code from} on a fresh database of the server
	 * {@code databaseUrl} names; answers the differences, the first naming its revision.
	 */
	public static List<String> replay(Class<?> application, Path from, String databaseUrl, String username,
			String password, boolean keep) throws Exception {
		String server = databaseUrl.substring(0, databaseUrl.lastIndexOf('/'));
		String name = "tally_replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		execute(server + "/postgres", username, password, "create database " + name);
		try (ConfigurableApplicationContext context = start(application, server + "/" + name, username, password)) {
			List<String> differences = new ArrayList<>(context.getBean(Replayer.class).replay(from));
			if (differences.isEmpty()) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				String slug = new tools.jackson.databind.json.JsonMapper()
					.readTree(Files.readAllBytes(from.resolve("election.json")))
					.get("slug")
					.asString();
				// the replay set the recorded receipt times in the database: read them
				context.getBean(ElectionStates.class).reread(slug);
				for (String export : List.of("results.csv", "cdf.json")) {
					byte[] replayed = get("http://127.0.0.1:" + port + "/api/v1/elections/" + slug + "/" + export);
					byte[] recorded = Files.readAllBytes(from.resolve(export));
					int at = Arrays.mismatch(replayed, recorded);
					if (at >= 0) {
						differences.add(export + " differs from the record's after the last revision, at byte " + at
								+ ": recorded " + excerpt(recorded, at) + ", replayed " + excerpt(replayed, at));
					}
				}
			}
			return differences;
		}
		finally {
			if (!keep) {
				execute(server + "/postgres", username, password, "drop database if exists " + name + " with (force)");
			}
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, String url, String username,
			String password) {
		SpringApplication app = new SpringApplication(application);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", username);
		properties.put("spring.datasource.password", password);
		properties.put("tally.database.discover", "false");
		properties.put("tally.demo", "false");
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("tally.admin-password", UUID.randomUUID().toString());
		app.setDefaultProperties(properties);
		return app.run("--spring.datasource.url=" + url, "--tally.demo=false", "--server.port=0");
	}

	private static String excerpt(byte[] bytes, int at) {
		int from = Math.max(0, at - 40);
		return "'" + new String(bytes, from, Math.min(bytes.length, at + 40) - from, StandardCharsets.UTF_8) + "'";
	}

	private static byte[] get(String url) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
			.body();
	}

	private static void execute(String url, String username, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, username, password)) {
			connection.createStatement().execute(sql);
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
				options.put(args[i].substring(2), flag ? "true" : args[++i]);
			}
		}
		return options;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}

package org.tally.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves an election's record from a running Tally's public endpoints into a directory a
 * replay reads (docs/verify.md, "Replay"): {@code election.json}, {@code revisions.json},
 * {@code sources/<sha256>}, {@code counts/<n>.json}, {@code results.csv},
 * {@code cdf.json}.
 */
public final class RecordExport {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	/** Saves the record of {@code election} served at {@code baseUrl} into {@code to}. */
	public void export(String baseUrl, String election, Path to) throws IOException, InterruptedException {
		String api = baseUrl.replaceAll("/+$", "") + "/api/v1/elections/" + election;
		Files.createDirectories(to.resolve("sources"));
		Files.createDirectories(to.resolve("counts"));
		Files.write(to.resolve("election.json"), get(api));
		byte[] revisions = get(api + "/revisions");
		Files.write(to.resolve("revisions.json"), revisions);
		for (JsonNode revision : this.json.readTree(revisions)) {
			long number = revision.get("revision").asLong();
			Files.write(to.resolve("counts/" + number + ".json"), get(api + "/revisions/" + number + "/counts"));
			JsonNode sha = revision.get("sourceSha256");
			if (sha != null && !sha.isNull() && !Files.exists(to.resolve("sources/" + sha.asString()))) {
				Files.write(to.resolve("sources/" + sha.asString()), get(api + "/revisions/" + number + "/source"));
			}
		}
		Files.write(to.resolve("results.csv"), get(api + "/results.csv"));
		Files.write(to.resolve("cdf.json"), get(api + "/cdf.json"));
	}

	byte[] get(String url) throws IOException, InterruptedException {
		HttpResponse<byte[]> answer = this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (answer.statusCode() != 200) {
			throw new IOException("GET " + url + " answered " + answer.statusCode());
		}
		return answer.body();
	}

}

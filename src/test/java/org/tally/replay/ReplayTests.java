package org.tally.replay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tally.TallyApplication;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.tally.support.TestDatabase;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CA-34 demo, exported from its public endpoints, replays in a fresh database to the
 * same digests, results.csv and cdf.json; a count changed in the database behind Tally's
 * back is caught, naming the revision that had set it (docs/verify.md, "Replay").
 */
@TallyIntegrationTest
@TestPropertySource(properties = "tally.demo=true")
class ReplayTests {

	private static final String GENERAL = "2017-06-06-ca-34";

	@LocalServerPort
	int port;

	private final TallyApi api;

	ReplayTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void theDemoReplaysFromItsSeedsToTheSameDigestsAndATamperedCountIsNamed(@TempDir Path record) throws Exception {
		// Given the running demo's record, saved from its public endpoints
		new RecordExport().export("http://127.0.0.1:" + this.port, GENERAL, record);
		List<Map<String, Object>> revisions = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + GENERAL + "/revisions")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(revisions).extracting((r) -> r.get("kind"))
			.containsExactly("import", "concession", "call", "import", "setup");
		// the files on record are the seeds, byte for byte
		assertThat(revisions.get(0).get("sourceSha256"))
			.isEqualTo(sha256(Path.of("seeds/20170606__ca__special__general__election_night.csv")));
		assertThat(revisions.get(3).get("sourceSha256"))
			.isEqualTo(sha256(Path.of("seeds/20170606__ca__special__general__los_angeles__precinct.csv")));
		assertThat(sha256(record.resolve("sources/" + revisions.get(3).get("sourceSha256"))))
			.isEqualTo(revisions.get(3).get("sourceSha256"));

		// When it is replayed into a fresh database, then everything matches
		TestDatabase database = TestDatabase.get();
		assertThat(ReplayCommand.replay(TallyApplication.class, record, database.url(), database.username(),
				database.password(), false))
			.isEmpty();

		// When one count the canvass (revision 4) set is changed in SQL, and the record
		// saved again
		try (Connection connection = database.connect()) {
			String count = tamper(connection, +1);
			try {
				for (Map<String, Object> revision : revisions) {
					int n = (Integer) revision.get("revision");
					Files.write(record.resolve("counts/" + n + ".json"),
							get("/api/v1/elections/" + GENERAL + "/revisions/" + n + "/counts"));
				}
			}
			finally {
				connection.createStatement().executeUpdate("update vote_count set votes = votes - 1 where " + count);
			}
		}

		// Then the replay names revision 4
		List<String> differences = ReplayCommand.replay(TallyApplication.class, record, database.url(),
				database.username(), database.password(), false);
		assertThat(differences).hasSize(1);
		assertThat(differences.get(0)).startsWith("revision 4: ");
	}

	/** Adds to one precinct count the canvass set; answers the row's key as SQL. */
	private static String tamper(Connection connection, int delta) throws Exception {
		ResultSet row = connection.createStatement().executeQuery("""
				select v.contest_id, v.unit_id, v.choice_id, v.vote_type from vote_count v
				join contest c on c.id = v.contest_id join election e on e.id = c.election_id
				join reporting_unit u on u.id = v.unit_id
				where e.slug = '%s' and v.revision = 4 and u.level = 'precinct'
				order by u.code limit 1""".formatted(GENERAL));
		assertThat(row.next()).isTrue();
		String key = "contest_id = %d and unit_id = %d and choice_id = %d and vote_type = '%s'"
			.formatted(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4));
		assertThat(connection.createStatement()
			.executeUpdate("update vote_count set votes = votes + " + delta + " where " + key)).isEqualTo(1);
		return key;
	}

	private byte[] get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray())
			.body();
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}

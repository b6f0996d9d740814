package org.tally.feed;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revision chain recomputed from docs/verify.md alone: this test writes its own
 * canonical JSON, hashes what it imported and decided itself, and checks every listed
 * digest, the links between them and their Ed25519 signatures against the published key.
 */
@TallyIntegrationTest
class RevisionChainTests {

	private static final String ELECTION = "chain-2017-06-06-ca-34";

	private static final String CONTEST = "us-house-34";

	private static final String NIGHT = """
			county,office,district,party,candidate,votes
			Los Angeles,U.S. House,34,DEM,Jimmy Gomez,19761
			Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,13108
			Los Angeles,U.S. House,34,,"Write-in ""Ñandú""\",3
			""";

	private static final String CANVASS = """
			county,office,district,party,candidate,votes
			Los Angeles,U.S. House,34,DEM,Jimmy Gomez,25569
			Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,17610
			Los Angeles,U.S. House,34,,"Write-in ""Ñandú""\",3
			""";

	private static final String WRITE_IN = "Write-in \"Ñandú\"";

	private final TallyApi api;

	RevisionChainTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void everyDigestRecomputesFromTheDocumentedFormAndIsSigned() throws Exception {
		// Given an election night: two imports, a call, a concession, certification
		this.api.createElection(ELECTION, "special-general");
		byte[] night = NIGHT.getBytes(StandardCharsets.UTF_8);
		byte[] canvass = CANVASS.getBytes(StandardCharsets.UTF_8);
		this.api.importCsv(ELECTION, night, "mode=setup").expectStatus().is2xxSuccessful();
		post("/api/v1/elections/" + ELECTION + "/contests/" + CONTEST + "/call", """
				{"status":"called","winners":["Jimmy Gomez"],"advancing":[],"note":"Semi-official count"}""");
		post("/api/v1/elections/" + ELECTION + "/contests/" + CONTEST + "/concessions", """
				{"candidate":"Robert Lee Ahn","concededAt":"2017-06-07T05:30:00Z","statement":"Ahn conceded."}""");
		this.api.importCsv(ELECTION, canvass, "mode=setup").expectStatus().is2xxSuccessful();
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + ELECTION + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"certified\"}")
			.exchange()
			.expectStatus()
			.isOk();

		// When a reader fetches the chain
		List<Map<String, Object>> revisions = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/revisions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();

		// Then each digest is what docs/verify.md gives for what was done
		Map<String, Object> importAction = importAction();
		List<Expected> expected = List.of(
				new Expected("import", importAction, sha256Hex(night),
						List.of(count("Jimmy Gomez", 19761), count("Robert Lee Ahn", 13108), count(WRITE_IN, 3))),
				new Expected("call",
						map("advancing", List.of(), "contest", CONTEST, "note", "Semi-official count", "role", "admin",
								"status", "called", "type", "call", "winners", List.of("Jimmy Gomez")),
						null, List.of()),
				new Expected("concession",
						map("candidate", "Robert Lee Ahn", "concededAt", "2017-06-07T05:30:00Z", "contest", CONTEST,
								"role", "admin", "sourceUrl", null, "statement", "Ahn conceded.", "type", "concession"),
						null, List.of()),
				// the write-in's 3 did not change: only two counts are set
				new Expected("import", importAction, sha256Hex(canvass),
						List.of(count("Jimmy Gomez", 25569), count("Robert Lee Ahn", 17610))),
				new Expected("setup", map("role", "admin", "status", "certified", "type", "status"), null, List.of()));
		assertThat(revisions).hasSize(expected.size());
		PublicKey key = publicKey();
		String previous = "0".repeat(64);
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> listed = revisions.get(i);
			Expected want = expected.get(i);
			assertThat(listed.get("revision")).isEqualTo(i + 1);
			assertThat(listed.get("kind")).isEqualTo(want.kind());
			assertThat(listed.get("action")).as("action of revision %d", i + 1).isEqualTo(want.action());
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("previous", previous);
			document.put("chain", 1);
			document.put("election", ELECTION);
			document.put("revision", i + 1);
			document.put("kind", want.kind());
			document.put("source", want.source());
			document.put("action", want.action());
			document.put("counts", want.counts());
			String digest = sha256Hex(canonical(document).getBytes(StandardCharsets.UTF_8));
			assertThat(listed.get("previousDigest")).isEqualTo(previous);
			assertThat(listed.get("digest")).as("digest of revision %d", i + 1).isEqualTo(digest);
			Signature verify = Signature.getInstance("Ed25519");
			verify.initVerify(key);
			verify.update(HexFormat.of().parseHex(digest));
			assertThat(verify.verify(Base64.getDecoder().decode((String) listed.get("signature"))))
				.as("signature of revision %d", i + 1)
				.isTrue();
			previous = digest;
		}

		// And every feed answer carries the current revision and digest
		String last = previous;
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/contests/" + CONTEST)
			.exchange()
			.expectHeader()
			.valueEquals("Tally-Revision", "5")
			.expectHeader()
			.valueEquals("Tally-Digest", last);
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/contests")
			.exchange()
			.expectHeader()
			.valueEquals("Tally-Digest", last);
		assertThat(this.api.json("/api/v1/elections/" + ELECTION + "/revision")).containsEntry("digest", last);
		assertThat(this.api.json("/api/v1/elections/" + ELECTION)).containsEntry("digest", last)
			.containsEntry("revision", 5);
		// and the files themselves are on record
		byte[] source = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/revisions/4/source")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(source).isEqualTo(canvass);
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + ELECTION + "/revisions/2/source")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anElectionMayKeepItsSourcesForStaff() {
		String election = "chain-staff-sources";
		post("/api/v1/elections", """
				{"slug":"%s","name":"Staff sources","date":"2017-06-06","kind":"special-general",
				 "jurisdiction":"California","test":false,"sourcesPublic":false}""".formatted(election));
		byte[] night = NIGHT.getBytes(StandardCharsets.UTF_8);
		this.api.importCsv(election, night, "mode=setup").expectStatus().is2xxSuccessful();
		String source = "/api/v1/elections/" + election + "/revisions/1/source";
		this.api.anonymous().get().uri(source).exchange().expectStatus().isNotFound();
		byte[] staff = this.api.admin()
			.get()
			.uri(source)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(staff).isEqualTo(night);
	}

	private void post(String path, String json) {
		this.api.admin()
			.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	private PublicKey publicKey() throws Exception {
		Map<String, Object> keys = this.api.json("/api/v1/keys");
		@SuppressWarnings("unchecked")
		Map<String, Object> first = ((List<Map<String, Object>>) keys.get("keys")).get(0);
		assertThat(first).containsEntry("algorithm", "Ed25519");
		return KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode((String) first.get("publicKey"))));
	}

	private static Map<String, Object> importAction() {
		return map("calls", false, "charset", null, "correction", null, "county", null, "format", null, "mode", "setup",
				"role", "admin", "type", "import");
	}

	/** A count of the only contest and unit: the county's code is its slug. */
	private static List<Object> count(String choice, long votes) {
		return List.of(CONTEST, "los-angeles", choice, "total", votes);
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	// docs/verify.md, "The canonical form": keys sorted, no whitespace, minimal escapes

	private static String canonical(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String text) {
			return quote(text);
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		if (value instanceof Map<?, ?> map) {
			TreeMap<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put((String) k, v));
			List<String> members = new ArrayList<>();
			sorted.forEach((k, v) -> members.add(quote(k) + ":" + canonical(v)));
			return "{" + String.join(",", members) + "}";
		}
		List<String> items = new ArrayList<>();
		for (Object item : (Collection<?>) value) {
			items.add(canonical(item));
		}
		return "[" + String.join(",", items) + "]";
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		text.codePoints().forEach((c) -> {
			String escaped = switch (c) {
				case '"' -> "\\\"";
				case '\\' -> "\\\\";
				case 8 -> "\\b";
				case 9 -> "\\t";
				case 10 -> "\\n";
				case 12 -> "\\f";
				case 13 -> "\\r";
				default -> (c < 0x20) ? "\\u00" + HexFormat.of().toHexDigits((byte) c) : Character.toString(c);
			};
			out.append(escaped);
		});
		return out.append('"').toString();
	}

	private static String sha256Hex(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private record Expected(String kind, Map<String, Object> action, String source, List<List<Object>> counts) {

		Expected {
			// docs/verify.md: counts sorted by contest, unit, choice, vote type in code
			// points
			List<List<Object>> sorted = new ArrayList<>(counts);
			sorted.sort((a, b) -> Arrays.compare(
					a.subList(0, 4)
						.stream()
						.map(String::valueOf)
						.map(String::codePoints)
						.map(java.util.stream.IntStream::toArray)
						.toArray(int[][]::new),
					b.subList(0, 4)
						.stream()
						.map(String::valueOf)
						.map(String::codePoints)
						.map(java.util.stream.IntStream::toArray)
						.toArray(int[][]::new),
					Arrays::compare));
			counts = sorted;
		}

	}

}

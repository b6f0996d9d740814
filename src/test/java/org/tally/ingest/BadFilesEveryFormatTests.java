package org.tally.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tally.results.VoteType;
import org.tally.support.SignIn;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same guarantees for every format (docs/contract.md §3): each bad file a desk could
 * be sent, in each format Tally reads, is refused over HTTP with a 422 problem+json that
 * names where (row, column, value, message, and for XML and JSON the element path or JSON
 * pointer), and changes nothing: the election's revision, counts, names and snapshots
 * stay, and the history gains one "rejected" entry. Each election first holds its sample,
 * imported in setup mode; the bad files are that sample bent one way at a time and sent
 * in strict mode. OpenElections CSV has the same cases in {@link ImportValidationTests}.
 * <p>
 * The format is told from the bytes: every accepted Content-Type reads every format with
 * {@code format=auto}, and any other Content-Type is refused naming the formats.
 */
@TallyIntegrationTest
class BadFilesEveryFormatTests {

	private static final String GREENUP = "ingest/clarity-detail-ky-greenup-2014-precinct.xml";

	/** Line 120 of the Greenup file: Matt Bevin's Election Day votes in precinct A101. */
	private static final String BEVIN_A101 = "<Precinct name=\"A101\" votes=\"36\" />";

	private static final String BEVIN_A101_PATH = "/ElectionResult/Contest[@key='4'][@text='US Senator - REPUBLICAN']"
			+ "/Choice[@text='Matt BEVIN']/VoteType[@name='Election']/Precinct[@name='A101']";

	private static final String NIST = "json/nist-composed-units.json";

	/** Bob Baker's total in precinct P-1, the file's first {@code "Count": 240}. */
	/**
	 * Where the first {@code "Count": 240} is: its VoteCounts object opens on line 116.
	 */
	private static final String NIST_POINTER = "/Election/0/Contest/0/ContestSelection/1/VoteCounts/2/Count";

	private static final String AP = "json/ap-20151103-national-cut.json";

	private static final String RCTAB = "rctab/2018_maine_governor_primary_expected_detailed_report.json";

	/** The row is where a damaged zip's reading broke off, which no one can predict. */
	private static final long ANY_ROW = -1;

	private static final Map<Sample, String> ELECTIONS = new ConcurrentHashMap<>();

	/** A file in each format, as downloaded, and the election it belongs to. */
	enum Sample {

		CLARITY_SUMMARY("Michigan", "text/csv", "") {
			@Override
			byte[] bytes() {
				return TallyApi.read("ingest/clarity-summary-mi-cut.csv");
			}
		},

		CLARITY_DETAIL_XML("Kentucky", "application/xml", "county=Greenup") {
			@Override
			byte[] bytes() {
				return TallyApi.read(GREENUP);
			}
		},

		CLARITY_DETAIL_ZIP("Kentucky", "application/zip", "county=Greenup") {
			@Override
			byte[] bytes() {
				return zip(TallyApi.read(GREENUP));
			}
		},

		NIST_CDF("Example State", "application/json", "") {
			@Override
			byte[] bytes() {
				return TallyApi.read(NIST);
			}
		},

		AP_JSON("Kentucky", "application/json", "") {
			@Override
			byte[] bytes() {
				return TallyApi.read(AP);
			}
		},

		RCTAB_JSON("Maine", "application/json", "") {
			@Override
			byte[] bytes() {
				return TallyApi.read(RCTAB);
			}
		};

		final String jurisdiction;

		final String contentType;

		final String query;

		Sample(String jurisdiction, String contentType, String query) {
			this.jurisdiction = jurisdiction;
			this.contentType = contentType;
			this.query = query;
		}

		abstract byte[] bytes();

		/**
		 * The sample with one change made to its text (for the zip: to the XML inside).
		 */
		byte[] bent(UnaryOperator<String> change) {
			if (this == CLARITY_DETAIL_ZIP) {
				return zip(CLARITY_DETAIL_XML.bent(change));
			}
			String text = new String(bytes(), StandardCharsets.UTF_8);
			String changed = change.apply(text);
			assertThat(changed).as("the change applies to " + this).isNotEqualTo(text);
			return changed.getBytes(StandardCharsets.UTF_8);
		}

	}

	/**
	 * One bad file: what is sent, and where the first problem must point.
	 *
	 * @param row the line named (0: the file as a whole)
	 * @param column the attribute, member or header named, or null
	 * @param value the offending text, or null
	 * @param message a part of the message
	 * @param location the element path or JSON pointer, or null
	 */
	record BadFile(Sample sample, String name, byte[] body, String query, long row, String column, String value,
			String message, String location) {

		@Override
		public String toString() {
			return this.sample + ": " + this.name;
		}

	}

	static Stream<BadFile> badFiles() {
		String bomb = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [
				 <!ENTITY lol "lol">
				 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
				 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
				 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
				 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
				 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
				 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
				 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
				]>
				<ElectionResult><Contest key="1" text="&lol9;" voteFor="1"/></ElectionResult>""";
		String nistXml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<ElectionReport xmlns="http://itl.nist.gov/ns/voting/1500-100/v2">
				  <Format>summary-contest</Format><Status>pre-election</Status>
				</ElectionReport>""";
		Stream.Builder<BadFile> files = Stream.builder();
		for (Sample xml : List.of(Sample.CLARITY_DETAIL_XML, Sample.CLARITY_DETAIL_ZIP)) {
			files.add(new BadFile(xml, "negative votes",
					xml.bent((text) -> text.replace(BEVIN_A101, BEVIN_A101.replace("36", "-36"))), "county=Greenup",
					120, "votes", "-36", "negative votes", BEVIN_A101_PATH));
			files.add(new BadFile(xml, "non-numeric votes",
					xml.bent((text) -> text.replace(BEVIN_A101, BEVIN_A101.replace("36", "3six"))), "county=Greenup",
					120, "votes", "3six", "not a whole number", BEVIN_A101_PATH));
			files.add(new BadFile(xml, "unknown precinct in strict mode",
					xml.bent((text) -> text.replace(BEVIN_A101, BEVIN_A101.replace("A101", "A1O1"))), "county=Greenup",
					120, "precinct", "A1O1", "unknown precinct", BEVIN_A101_PATH.replace("A101", "A1O1")));
			// the parser stands at the DOCTYPE's end, line 12
			files.add(new BadFile(xml, "XML bomb", bytes(xml, bomb), "county=Greenup", 12, null, null,
					"a DOCTYPE is not allowed", null));
			files.add(new BadFile(xml, "wrong schema: a NIST XML report", bytes(xml, nistXml), "county=Greenup", 2,
					null, "ElectionReport", "not a Clarity detail.xml", "/ElectionReport"));
		}
		byte[] zip = Sample.CLARITY_DETAIL_ZIP.bytes();
		files.add(new BadFile(Sample.CLARITY_DETAIL_ZIP, "truncated zip", Arrays.copyOf(zip, zip.length / 2),
				"county=Greenup", ANY_ROW, null, null, "truncated", null));
		files.add(new BadFile(Sample.CLARITY_DETAIL_ZIP, "zip without a detail.xml",
				zipNamed("summary.csv", TallyApi.read("ingest/clarity-summary-mi-cut.csv")), "county=Greenup", 0, null,
				null, "the zip holds no detail.xml", null));

		files.add(new BadFile(Sample.CLARITY_SUMMARY, "negative votes",
				Sample.CLARITY_SUMMARY.bent((text) -> text.replace(",418312,", ",-418312,")), "", 3, "total votes",
				"-418312", "negative", null));
		files.add(new BadFile(Sample.CLARITY_SUMMARY, "non-numeric votes",
				Sample.CLARITY_SUMMARY.bent((text) -> text.replace(",418312,", ",418e12,")), "", 3, "total votes",
				"418e12", "not a whole number", null));
		files.add(new BadFile(Sample.CLARITY_SUMMARY, "unknown county in strict mode",
				Sample.CLARITY_SUMMARY.bent((text) -> text.replace(",418312,", ",418313,")), "county=Wayne", 2,
				"county", "Wayne", "unknown county", null));
		files.add(new BadFile(Sample.CLARITY_SUMMARY, "wrong schema: an OpenElections file named clarity-summary",
				TallyApi.read("ingest/20161108__ca__general__plumas__precinct-cut.csv"), "format=clarity-summary", 1,
				null, "county,precinct,office,district,party,candidate,votes", "missing required column", null));

		files.add(new BadFile(Sample.NIST_CDF, "negative votes",
				Sample.NIST_CDF.bent((text) -> text.replaceFirst("\"Count\": 240", "\"Count\": -240")), "", 116,
				"Count", "-240", "0 or more", NIST_POINTER));
		files.add(new BadFile(Sample.NIST_CDF, "non-numeric votes",
				Sample.NIST_CDF.bent((text) -> text.replaceFirst("\"Count\": 240", "\"Count\": \"24O\"")), "", 116,
				"Count", "24O", "whole number", NIST_POINTER));
		// the first count for P-1 opens on line 47; a new name under its old id is the
		// same
		// precinct renamed (the file's keys decide identity), so the unknown precinct
		// takes
		// a new id too
		files.add(new BadFile(Sample.NIST_CDF, "unknown precinct in strict mode", Sample.NIST_CDF.bent(
				(text) -> text.replace("\"Content\": \"P-1\"", "\"Content\": \"P-9\"").replace("\"p1\"", "\"p9\"")), "",
				47, "precinct", "P-9", "unknown precinct", "/Election/0/Contest/0/ContestSelection/0/VoteCounts/2"));
		files.add(new BadFile(Sample.NIST_CDF, "wrong schema: an AP file named nist-cdf", TallyApi.read(AP),
				"format=nist-cdf", 1, "@type", null, "NIST", "/@type"));

		files.add(new BadFile(Sample.AP_JSON, "negative votes",
				Sample.AP_JSON.bent((text) -> text.replace("\"voteCount\":2727", "\"voteCount\":-2727")), "", 1,
				"voteCount", "-2727", "0 or more", "/races/2/reportingUnits/1/candidates/0/voteCount"));
		files.add(new BadFile(Sample.AP_JSON, "non-numeric votes",
				Sample.AP_JSON.bent((text) -> text.replace("\"voteCount\":2727", "\"voteCount\":\"2727 votes\"")), "",
				1, "voteCount", "2727 votes", "whole number", "/races/2/reportingUnits/1/candidates/0/voteCount"));
		files.add(new BadFile(Sample.AP_JSON, "unknown county in strict mode",
				Sample.AP_JSON
					.bent((text) -> text.replace("\"reportingunitName\":\"Adair\",\"reportingunitID\":\"18001\"",
							"\"reportingunitName\":\"Adiar\",\"reportingunitID\":\"18999\"")),
				"", 1, "county", "Adiar", "unknown county", "/races/2/reportingUnits/1/candidates/0"));
		files.add(new BadFile(Sample.AP_JSON, "wrong schema: a NIST report named ap-json", TallyApi.read(NIST),
				"format=ap-json", 1, "races", null, "AP", "/races"));

		files.add(new BadFile(Sample.RCTAB_JSON, "negative votes",
				Sample.RCTAB_JSON.bent(
						(text) -> text.replace("\"Mills, Janet T.\" : \"41735\"", "\"Mills, Janet T.\" : \"-41735\"")),
				"", 0, "Mills, Janet T.", "-41735", "between 0 and 10^12", "/results/0/tally/Mills, Janet T."));
		files.add(new BadFile(Sample.RCTAB_JSON, "non-numeric votes",
				Sample.RCTAB_JSON
					.bent((text) -> text.replace("\"Mills, Janet T.\" : \"41735\"", "\"Mills, Janet T.\" : \"4l735\"")),
				"", 0, "Mills, Janet T.", "4l735", "not a number", "/results/0/tally/Mills, Janet T."));
		files.add(new BadFile(Sample.RCTAB_JSON, "unknown county in strict mode",
				Sample.RCTAB_JSON.bent((text) -> text.replace("RCTab 2.0.0", "RCTab 2.0.1")), "county=Aroostook", 1,
				"county", "Aroostook", "unknown county", "/results/3/tally/Cote, Adam Roland"));
		files.add(new BadFile(Sample.RCTAB_JSON, "wrong schema: a NIST report named rctab", TallyApi.read(NIST),
				"format=rctab", 0, null, null, "not an RCTab report", null));
		return files.build();
	}

	private final TallyApi api;

	private final String base;

	@Autowired
	JdbcClient jdbc;

	BadFilesEveryFormatTests(TallyApi api, @LocalServerPort int port) {
		this.api = api;
		this.base = "http://localhost:" + port;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFiles")
	void refusesTheBadFileNamingWhereAndAppliesNothing(BadFile file) {
		String election = election(file.sample());
		State before = state(election);

		Map<String, Object> body = this.api.importBody(election, file.body(), file.sample().contentType, file.query())
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();

		List<Map<String, Object>> problems = problems(body);
		assertThat(problems).allSatisfy((p) -> assertThat(p).containsKeys("row", "column", "value", "message"));
		assertThat(problems.get(0)).satisfies((p) -> {
			if (file.row() != ANY_ROW) {
				assertThat(((Number) p.get("row")).longValue()).as("row").isEqualTo(file.row());
			}
			assertThat(p.get("column")).as("column").isEqualTo(file.column());
			assertThat(p.get("value")).as("value").isEqualTo(file.value());
			assertThat((String) p.get("message")).contains(file.message());
			assertThat(p.get("location")).as("location").isEqualTo(file.location());
		});
		assertThat(state(election)).as("nothing applied").isEqualTo(before.afterRejection());
		assertThat(history(election).get(0)).containsEntry("outcome", "rejected")
			.containsEntry("revision", null)
			.containsEntry("problemCount", problems.size());
	}

	@Test
	void anExternalEntityIsNeverRead(@TempDir Path directory) throws IOException {
		String secret = "tally-xxe-" + System.nanoTime();
		Path file = Files.writeString(directory.resolve("secret.txt"), secret);
		Files.writeString(directory.resolve("evil.dtd"),
				"<!ENTITY % all \"<!ENTITY leak SYSTEM '" + file.toUri() + "'>\">%all;");
		String election = this.api.createElection("xxe-" + System.nanoTime() % 100000, "general");
		List<String> attacks = List.of("""
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY leak SYSTEM "%s">]>
				<ElectionResult><Contest key="1" text="&leak;" voteFor="1"><Choice key="1" text="&leak;" totalVotes="1">
				<VoteType name="Election" votes="1"><County name="&leak;" votes="1"/></VoteType></Choice></Contest>
				</ElectionResult>""".formatted(file.toUri()),
				"""
						<?xml version="1.0"?>
						<!DOCTYPE r SYSTEM "%s">
						<ElectionResult><Contest key="1" text="&leak;" voteFor="1"><Choice key="1" text="Ann Lee" totalVotes="1">
						<VoteType name="Election" votes="1"><County name="Greenup" votes="1"/></VoteType></Choice></Contest>
						</ElectionResult>"""
					.formatted(directory.resolve("evil.dtd").toUri()),
				"""
						<?xml version="1.0"?>
						<!DOCTYPE r [<!ENTITY %% remote SYSTEM "%s">%%remote;]>
						<ElectionResult><Contest key="1" text="&leak;" voteFor="1"/></ElectionResult>"""
					.formatted(directory.resolve("evil.dtd").toUri()));
		for (String attack : attacks) {
			for (byte[] body : List.of(attack.getBytes(StandardCharsets.UTF_8),
					zip(attack.getBytes(StandardCharsets.UTF_8)))) {
				String answer = this.api.importBody(election, body, "application/xml", "mode=setup")
					.expectStatus()
					.isEqualTo(422)
					.expectBody(String.class)
					.returnResult()
					.getResponseBody();
				assertThat(answer).contains("a DOCTYPE is not allowed").doesNotContain(secret);
			}
		}
		assertThat(this.jdbc.sql("""
				select count(*) from contest c join election e on e.id = c.election_id where e.slug = ?""")
			.param(election)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from import_record where problems::text like ?")
			.param("%" + secret + "%")
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Each sample, sent with each accepted Content-Type (and as a multipart part) with
	 * {@code format=auto}, is read as its format: the preview shows a contest's total as
	 * the file states it.
	 */
	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("everyFormatUnderEveryType")
	void readsEveryFormatUnderEveryAcceptedContentType(Sample sample, String contentType, String contest, long total) {
		String election = "types-" + sample.name().toLowerCase().replace('_', '-') + "-"
				+ contentType.replaceAll("[^a-z]", "");
		createElection(election, sample.jurisdiction);
		String query = "mode=setup&format=auto&dryRun=true" + (sample.query.isEmpty() ? "" : "&" + sample.query);

		var answer = "multipart".equals(contentType) ? this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/imports?" + query)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(multipart(sample.bytes()))
			.exchange() : this.api.importBody(election, sample.bytes(), contentType, query);

		answer.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("preview")
			.jsonPath("$.contests[?(@.name == '" + contest + "')].newTotal")
			.isEqualTo(List.of((int) total));
	}

	static Stream<Arguments> everyFormatUnderEveryType() {
		// totals from the files: Peters' 418312; Bevin 820, Copas 11, McConnell 1135,
		// Payne
		// 48, Sterling 46; the NIST state row 1000 + 800 + 6 write-in; AP's Kentucky
		// state
		// row (its totals of record) for Bevin, Conway, Curtis; the last round's Cote
		// 53866
		// + Mills 63387
		Map<Sample, Arguments> expected = Map.of(Sample.CLARITY_SUMMARY, Arguments.of("United States Senator", 418312L),
				Sample.CLARITY_DETAIL_XML, Arguments.of("US Senator - REPUBLICAN", 820L + 11 + 1135 + 48 + 46),
				Sample.CLARITY_DETAIL_ZIP, Arguments.of("US Senator - REPUBLICAN", 820L + 11 + 1135 + 48 + 46),
				Sample.NIST_CDF, Arguments.of("Governor", 1000L + 800 + 6), Sample.AP_JSON,
				Arguments.of("Governor", 511771L + 426944 + 35629), Sample.RCTAB_JSON,
				Arguments.of("Governor", 53866L + 63387));
		List<String> types = List.of("text/csv", "text/plain", "application/xml", "text/xml", "application/json",
				"application/zip", "application/x-zip-compressed", "application/octet-stream", "multipart");
		return Arrays.stream(Sample.values())
			.flatMap((sample) -> types.stream()
				.map((type) -> Arguments.of(sample, type, expected.get(sample).get()[0],
						expected.get(sample).get()[1])));
	}

	@Test
	void readsAnOpenElectionsFileUnderEveryAcceptedContentType() {
		String election = createElection("types-openelections", "California");
		// Plumas: Trump 172, Johnson 4, Reed 138, Harris 226, Sanchez 115
		for (String type : List.of("text/csv", "text/plain", "application/xml", "text/xml", "application/json",
				"application/zip", "application/x-zip-compressed", "application/octet-stream")) {
			this.api
				.importBody(election, TallyApi.read("ingest/20161108__ca__general__plumas__precinct-cut.csv"), type,
						"mode=setup&format=auto&dryRun=true")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.contests[*].newTotal")
				.value((totals) -> assertThat((List<?>) totals).as(type)
					.map((total) -> ((Number) total).longValue())
					.containsExactlyInAnyOrder(172L + 4, 138L, 226L + 115));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "image/png", "text/html", "application/pdf", "application/vnd.ms-excel",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/x-www-form-urlencoded",
			"multipart/mixed; boundary=x", "nonsense", "text/csv; charset=no-such-charset" })
	void refusesAnyOtherContentTypeNamingTheFormats(String contentType) throws Exception {
		String election = election(Sample.NIST_CDF);
		State before = state(election);
		int history = history(election).size();

		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(this.base + "/api/v1/elections/" + election + "/imports?mode=setup"))
				.header(HttpHeaders.AUTHORIZATION, SignIn.basic(Staff.ADMIN, Staff.ADMIN_PASSWORD))
				.header(HttpHeaders.CONTENT_TYPE, contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(TallyApi.read(NIST)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(415);
		assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		assertThat(answer.body()).contains(
				"\"formats\":[\"openelections\",\"clarity-summary\",\"clarity-detail\",\"nist-cdf\",\"ap-json\",\"rctab\"]",
				"text/csv", "application/zip");
		assertThat(state(election)).isEqualTo(before);
		assertThat(history(election)).hasSize(history);
	}

	@ParameterizedTest
	@EnumSource(Sample.class)
	void eachSampleAppliesOnceAndIsThenADuplicate(Sample sample) {
		String election = election(sample);
		State before = state(election);

		this.api.importBody(election, sample.bytes(), sample.contentType, sample.query)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("duplicate");

		assertThat(state(election)).isEqualTo(before);
		assertThat(before.revision()).isEqualTo(1);
	}

	/** The sample's election, created and loaded once (setup mode). */
	private String election(Sample sample) {
		return ELECTIONS.computeIfAbsent(sample, (s) -> {
			String slug = createElection("bad-" + s.name().toLowerCase().replace('_', '-'), s.jurisdiction);
			this.api.importBody(slug, s.bytes(), s.contentType, "mode=setup" + (s.query.isEmpty() ? "" : "&" + s.query))
				.expectStatus()
				.isCreated();
			return slug;
		});
	}

	private String createElection(String slug, String jurisdiction) {
		this.api.admin().post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"%s","name":"Test %s","date":"2024-11-05","kind":"general","jurisdiction":"%s","test":false}
				""".formatted(slug, slug, jurisdiction)).exchange().expectStatus().isCreated();
		return slug;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> problems(Map<String, Object> body) {
		assertThat(body).containsEntry("status", 422).containsKeys("total", "problems", "detail");
		return (List<Map<String, Object>>) body.get("problems");
	}

	private List<Map<String, Object>> history(String election) {
		return this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/imports")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/** Everything an import may change, and the history's entries by outcome. */
	private State state(String election) {
		return this.jdbc
			.sql("""
					select e.revision,
					       (select count(*) from revision r where r.election_id = e.id),
					       (select coalesce(sum(v.votes), 0) from vote_count v join contest c on c.id = v.contest_id
					        where c.election_id = e.id),
					       (select count(*) from vote_count v join contest c on c.id = v.contest_id
					        where c.election_id = e.id),
					       (select count(*) from contest c where c.election_id = e.id),
					       (select count(*) from choice ch join contest c on c.id = ch.contest_id where c.election_id = e.id),
					       (select count(*) from reporting_unit u where u.election_id = e.id),
					       (select count(*) from progress p join contest c on c.id = p.contest_id where c.election_id = e.id),
					       (select count(*) from contest_snapshot s join contest c on c.id = s.contest_id
					        where c.election_id = e.id),
					       (select count(*) from import_record i where i.election_id = e.id and i.outcome = 'applied'),
					       (select count(*) from import_record i where i.election_id = e.id and i.outcome = 'rejected')
					from election e where e.slug = ?""")
			.param(election)
			.query((rs, row) -> new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
			.single();
	}

	record State(long revision, long revisions, long votes, long counts, long contests, long choices, long units,
			long progress, long snapshots, long applied, long rejected) {

		/** The same, with one more rejected import in the history. */
		State afterRejection() {
			return new State(this.revision, this.revisions, this.votes, this.counts, this.contests, this.choices,
					this.units, this.progress, this.snapshots, this.applied, this.rejected + 1);
		}

	}

	static byte[] bytes(Sample sample, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return (sample == Sample.CLARITY_DETAIL_ZIP) ? zip(bytes) : bytes;
	}

	/** The file zipped as Clarity ships it: {@code detailxml.zip} holding detail.xml. */
	static byte[] zip(byte[] detailXml) {
		return zipNamed("detail.xml", detailXml);
	}

	static byte[] zipNamed(String name, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			ZipEntry entry = new ZipEntry(name);
			// a fixed time, so the same file zipped twice is the same bytes
			entry.setTime(1_400_000_000_000L);
			zip.putNextEntry(entry);
			zip.write(content);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static MultiValueMap<String, Object> multipart(byte[] content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return "results";
			}

		}, headers));
		return parts;
	}

}

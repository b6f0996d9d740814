package org.tally.feed;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The NIST SP 1500-100 v2 report through a count's life, in both forms: {@code cdf.json}
 * against both of NIST's JSON schemas and {@code cdf.xml} against NIST's v2 XSD
 * (src/test/resources/nist, see PROVENANCE.md there) while the count is partial, once it
 * is complete, certified, corrected after certification, and for a ranked-choice
 * contest's rounds; each time the status, count status and ballot counts it must carry,
 * and the same numbers in both forms.
 */
@TallyIntegrationTest
class CdfEveryStatusTests {

	static final String NS = CdfReport.NAMESPACE;

	static Schema xsd;

	static final JsonMapper JSON = JsonMapper.builder().build();

	final TallyApi api;

	CdfEveryStatusTests(TallyApi api) {
		this.api = api;
	}

	@BeforeAll
	static void loadSchemas() throws Exception {
		CdfReportTests.loadSchemas();
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		xsd = factory.newSchema(new StreamSource(
				new ClassPathResource("nist/NIST_V2_election_results_reporting.xsd").getInputStream()));
	}

	/** Every error the XSD finds (not only the first), so a failure names them all. */
	static List<String> xsdErrors(Schema schema, byte[] xml) throws Exception {
		List<String> errors = new ArrayList<>();
		Validator validator = schema.newValidator();
		validator.setErrorHandler(new DefaultHandler() {
			@Override
			public void error(SAXParseException ex) {
				errors.add(ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
			}

			@Override
			public void fatalError(SAXParseException ex) {
				error(ex);
			}
		});
		validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		return errors;
	}

	@Test
	void theXsdRefusesAReportMissingWhatItRequires() throws Exception {
		byte[] bare = ("<ElectionReport xmlns=\"" + NS + "\"><Format>summary-contest</Format></ElectionReport>")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(xsdErrors(xsd, bare)).isNotEmpty();
		// and a dangling reference (an IDREF with no ID) is an error too
		byte[] report = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + partial("cdf-xsd-refuses") + "/cdf.xml")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody();
		String dangling = new String(report, StandardCharsets.UTF_8).replace(">gpu-jurisdiction<", ">gpu-nowhere<");
		assertThat(xsdErrors(xsd, dangling.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
	}

	@Test
	void aCountFromPartialToCorrectedValidatesInBothFormsAtEveryStep() throws Exception {
		String election = partial("cdf-life");

		Report partial = report(election, "unofficial-partial");
		assertThat(partial.json.get("SequenceStart").asInt()).isEqualTo(1);
		assertThat(partial.json.get("SequenceEnd").asInt()).isEqualTo(1);
		JsonNode contest = partial.election().get("Contest").get(0);
		assertThat(statuses(contest)).containsExactly("total=in-process");
		assertThat(statuses(partial.election())).containsExactly("total=in-process");
		JsonNode ballots = partial.election().get("BallotCounts");
		assertThat(ballots.values())
			.extracting((b) -> b.get("GpUnitId").asString() + " cast " + b.path("BallotsCast").asLong(-1) + " out "
					+ b.path("BallotsOutstanding").asLong(-1))
			.containsExactly("gpu-jurisdiction cast 18500 out 30000", "gpu-los-angeles cast 18500 out -1");
		assertThat(partial.xmlText("BallotsOutstanding")).containsExactly("30000");
		assertThat(partial.xmlText("Count")).contains("10000", "8000");

		// the election night's count, every precinct in, then unofficial-complete
		this.api.importFile(election, "ca34/20170606__ca__special__general__election_night.csv", "")
			.expectStatus()
			.isCreated();
		status(election, "unofficial-complete");
		Report complete = report(election, "unofficial-complete");
		assertThat(statuses(complete.election().get("Contest").get(0))).containsExactly("total=completed");
		assertThat(complete.xmlText("Count")).contains("19761", "13108");

		// the certified canvass by precinct, then certified
		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		status(election, "certified");
		Report certified = report(election, "certified");
		assertThat(certified.xmlText("Count")).contains("25569", "17610");
		// every unit's count is complete once certified
		assertThat(certified.json.get("GpUnit").values())
			.allSatisfy((unit) -> assertThat(statuses(unit)).containsExactly("total=completed"));
		assertThat(certified.xml.getElementsByTagNameNS(NS, "GpUnit").getLength())
			.isEqualTo(certified.json.get("GpUnit").size());

		// a correction after certification: Status correction, with the corrected count
		String canvass = new String(TallyApi.read("ca34/20170606__ca__special__general__los_angeles__precinct.csv"),
				StandardCharsets.UTF_8);
		String corrected = canvass.replace("Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,309",
				"Los Angeles,0850001A,U.S. House,34,DEM,Jimmy Gomez,300");
		assertThat(corrected).isNotEqualTo(canvass);
		this.api.importCsv(election, corrected.getBytes(StandardCharsets.UTF_8), "correction=canvass+typo")
			.expectStatus()
			.isCreated();
		Report correction = report(election, "correction");
		assertThat(correction.xmlText("Count")).contains("25560").doesNotContain("25569");
		assertThat(correction.json.toString()).contains("\"Count\":25560");
	}

	@Test
	void rankedChoiceRoundsAreVoteCountsWithTheirRound() throws Exception {
		String election = this.api.createElection("cdf-rcv", "general");
		this.api
			.importBody(election, TallyApi.read("rctab/2013_minneapolis_mayor_expected_detailed_report.json"),
					"application/json", "format=rctab&mode=setup")
			.expectStatus()
			.isCreated();

		Report report = report(election, "unofficial-partial");
		JsonNode hodges = null;
		for (JsonNode selection : report.election().get("Contest").get(0).get("ContestSelection")) {
			if (selection.get("@id").asString().endsWith("betsy-hodges")) {
				hodges = selection;
			}
		}
		assertThat(hodges).isNotNull();
		List<String> rounds = new ArrayList<>();
		for (JsonNode count : hodges.get("VoteCounts")) {
			if (count.has("Round")) {
				assertThat(count.get("GpUnitId").asString()).isEqualTo("gpu-jurisdiction");
				rounds.add(count.get("Round").asInt() + "=" + count.get("Count").decimalValue().toBigInteger());
			}
		}
		// from the report's own CSV: round 1 28,951 first choices, round 33 38,852
		assertThat(rounds).hasSize(33).startsWith("1=28951").endsWith("33=38852");
		assertThat(report.xmlText("Round")).hasSizeGreaterThan(33).contains("33");
		// ballots made inactive by an overvote, after the final round, as RCTab states
		JsonNode other = report.election().get("Contest").get(0).get("OtherCounts").get(0);
		assertThat(other.get("GpUnitId").asString()).isEqualTo("gpu-jurisdiction");
		assertThat(other.get("Overvotes").decimalValue()).isGreaterThan(BigDecimal.ZERO);
		assertThat(report.xmlText("Overvotes")).hasSize(1);
	}

	@Test
	void precinctCodesBecomeXmlIdsBothFormsShare() throws Exception {
		String election = this.api.createElection("cdf-ids", "general");
		this.api.importCsv(election, TallyApi.read(ExportRoundTripTests.PA), "mode=setup").expectStatus().isCreated();

		Report report = report(election, "unofficial-partial");
		List<String> jsonIds = new ArrayList<>();
		report.json.get("GpUnit").values().forEach((unit) -> jsonIds.add(unit.get("@id").asString()));
		List<String> xmlIds = new ArrayList<>();
		NodeList units = report.xml.getElementsByTagNameNS(NS, "GpUnit");
		for (int i = 0; i < units.getLength(); i++) {
			Element unit = (Element) units.item(i);
			assertThat(unit.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type"))
				.isEqualTo("ReportingUnit");
			xmlIds.add(unit.getAttribute("ObjectId"));
		}
		assertThat(xmlIds).isEqualTo(jsonIds).contains("gpu-chester_x002F_Coatesville_x0020_5");
	}

	@Test
	void theXmlIsServedAndCachedLikeTheJson() {
		String election = partial("cdf-xml-cache");
		var answer = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/cdf.xml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_XML)
			.expectHeader()
			.exists("Tally-Revision")
			.expectHeader()
			.exists("Tally-Digest")
			.expectBody()
			.returnResult();
		String etag = answer.getResponseHeaders().getETag();
		assertThat(answer.getResponseHeaders().getCacheControl()).contains("public");
		assertThat(etag).isNotNull();
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/cdf.xml")
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isNotModified();
		this.api.anonymous().get().uri("/api/v1/elections/nowhere/cdf.xml").exchange().expectStatus().isNotFound();
	}

	@Test
	void xsdValidationIsNotVacuous() throws Exception {
		String election = partial("cdf-xsd-strict");
		byte[] xml = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/cdf.xml")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(xsdErrors(xsd, xml)).isEmpty();
		// members out of the XSD's order are refused
		String swapped = new String(xml, StandardCharsets.UTF_8)
			.replaceFirst("(<SequenceStart>1</SequenceStart>)(<SequenceEnd>1</SequenceEnd>)", "$2$1");
		assertThat(swapped).isNotEqualTo(new String(xml, StandardCharsets.UTF_8));
		assertThat(xsdErrors(xsd, swapped.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
		assertThatThrownBy(() -> xsd.newValidator()
			.validate(new StreamSource(new ByteArrayInputStream(swapped.getBytes(StandardCharsets.UTF_8)))))
			.isInstanceOf(SAXParseException.class);
	}

	/**
	 * A new election with a partial count: 100 of 195 precincts, ballots cast and
	 * outstanding stated.
	 */
	private String partial(String slug) {
		String election = this.api.createElection(slug, "special-general");
		String csv = """
				county,office,district,party,candidate,votes,precincts_reporting,precincts_total,ballots_cast,ballots_outstanding
				Los Angeles,U.S. House,34,DEM,Jimmy Gomez,10000,100,195,18500,30000
				Los Angeles,U.S. House,34,DEM,Robert Lee Ahn,8000,100,195,18500,30000
				""";
		this.api.importCsv(election, csv.getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().isCreated();
		return election;
	}

	private void status(String election, String status) {
		this.api.admin()
			.put()
			.uri("/api/v1/elections/" + election + "/status")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"" + status + "\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	/** {@code Type=Status} of each CountStatus of a JSON object. */
	private static List<String> statuses(JsonNode holder) {
		List<String> statuses = new ArrayList<>();
		holder.path("CountStatus")
			.values()
			.forEach((s) -> statuses.add(s.get("Type").asString() + "=" + s.get("Status").asString()));
		return statuses;
	}

	/**
	 * Both forms once the report has the status (the results are read per revision, and
	 * the read model may lag the write by a moment), each validated, the XML's status and
	 * counts the JSON's.
	 */
	private Report report(String election, String status) throws Exception {
		Report report = Eventually.get(() -> {
			byte[] json = get(election, "cdf.json");
			byte[] xml = get(election, "cdf.xml");
			Report read = new Report(JSON.readTree(json), parse(xml), json, xml);
			assertThat(read.json.get("Status").asString()).isEqualTo(status);
			assertThat(read.rootText("Status")).isEqualTo(status);
			return read;
		});
		CdfReportTests.assertValid(new String(report.jsonBytes, StandardCharsets.UTF_8));
		assertThat(xsdErrors(xsd, report.xmlBytes)).isEmpty();
		List<String> jsonCounts = new ArrayList<>();
		for (JsonNode contest : report.election().get("Contest")) {
			for (JsonNode selection : contest.get("ContestSelection")) {
				for (JsonNode count : selection.get("VoteCounts")) {
					jsonCounts.add(count.get("Count").decimalValue().toPlainString());
				}
			}
		}
		assertThat(report.xmlText("Count")).isEqualTo(jsonCounts);
		return report;
	}

	private byte[] get(String election, String file) {
		return this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/" + file)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Report(JsonNode json, Document xml, byte[] jsonBytes, byte[] xmlBytes) {

		JsonNode election() {
			return this.json.get("Election").get(0);
		}

		/** The text of the report's own member (not one of a nested object's). */
		String rootText(String element) {
			NodeList children = this.xml.getDocumentElement().getChildNodes();
			for (int i = 0; i < children.getLength(); i++) {
				if (children.item(i) instanceof Element child && element.equals(child.getLocalName())) {
					return child.getTextContent();
				}
			}
			return null;
		}

		List<String> xmlText(String element) {
			List<String> values = new ArrayList<>();
			NodeList found = this.xml.getElementsByTagNameNS(NS, element);
			for (int i = 0; i < found.getLength(); i++) {
				values.add(found.item(i).getTextContent());
			}
			return values;
		}

	}

}

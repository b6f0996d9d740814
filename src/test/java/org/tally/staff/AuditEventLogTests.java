package org.tally.staff;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tally.support.Staff;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff audit log as a NIST SP 1500-101 v1 event log: after real sign-ins (a form
 * sign-in and a wrong password), an import and a call, {@code eel.json} validates against
 * NIST's JSON schema and {@code eel.xml} against NIST's XSD (src/test/resources/nist, see
 * PROVENANCE.md there), both carry those entries, and only admins may read them.
 */
@TallyIntegrationTest
class AuditEventLogTests {

	static final String NS = "http://itl.nist.gov/ns/voting/1500-101/v1";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	TallyApi api;

	StaffAccounts accounts;

	@BeforeEach
	void connect() {
		this.api = new TallyApi(this.port);
		this.accounts = new StaffAccounts(this.port, this.api);
	}

	@Test
	void aRealLogValidatesAgainstNistsSchemasInBothForms() throws Exception {
		// a form sign-in, a refused password, an import and a call
		StaffBrowser browser = new StaffBrowser(this.port);
		assertThat(browser.signIn(Staff.ADMIN, Staff.ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		this.accounts.basic("admin", "not-the-password")
			.get()
			.uri("/api/v1/audit/eel.json")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		String election = this.api.createElection("eel-log", "special-general");
		this.api.importFile(election, "ca34/20170606__ca__special__general__election_night.csv", "mode=setup")
			.expectStatus()
			.isCreated();
		this.api.admin()
			.post()
			.uri("/api/v1/elections/" + election + "/contests/us-house-34/call")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"called\",\"winners\":[\"Jimmy Gomez\"],\"advancing\":[],\"note\":\"\"}")
			.exchange()
			.expectStatus()
			.is2xxSuccessful();

		byte[] json = read("/api/v1/audit/eel.json", MediaType.APPLICATION_JSON);
		Schema schema;
		try (InputStream in = new ClassPathResource("nist/NIST_V1_election_event_logging.json").getInputStream()) {
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
		}
		assertThat(schema.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON)).isEmpty();
		// not vacuous: an event without its required members is refused
		assertThat(schema.validate("{\"@type\":\"EventLogging.ElectionEventLog\",\"GeneratedTime\":"
				+ "\"2026-12-06T00:00:00Z\",\"Device\":[{\"@type\":\"EventLogging.Device\",\"Id\":\"x\","
				+ "\"Event\":[{\"@type\":\"EventLogging.Event\",\"Id\":\"sign-in\"}]}]}", InputFormat.JSON))
			.isNotEmpty();

		JsonNode log = JSON.readTree(json);
		JsonNode device = log.get("Device").get(0);
		assertThat(device.get("Id").asString()).isEqualTo("tally");
		List<String> events = new ArrayList<>();
		long sequence = 0;
		for (JsonNode event : device.get("Event")) {
			events.add(event.get("Id").asString() + "|" + event.get("Type").asString() + "|"
					+ event.get("Disposition").asString() + "|" + event.get("UserId").asString() + "|"
					+ event.get("Description").asString());
			long number = Long.parseLong(event.get("Sequence").asString());
			assertThat(number).as("oldest first").isGreaterThan(sequence);
			sequence = number;
		}
		assertThat(events)
			.contains("sign-in|authentication|success|admin|sign-in: user admin",
					"sign-in-failed|authentication|failure|admin|sign-in-failed: user admin",
					"election-created|setup|success|admin|election-created: election " + election)
			.anyMatch((event) -> event.startsWith("import|results|success|admin|"))
			.anyMatch((event) -> event.startsWith("call|results|success|admin|") && event.contains(election));

		byte[] xml = read("/api/v1/audit/eel.xml", MediaType.APPLICATION_XML);
		Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(
					new StreamSource(new ClassPathResource("nist/NIST_V1_election_event_logging.xsd").getInputStream()))
			.newValidator();
		validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		NodeList xmlEvents = document.getElementsByTagNameNS(NS, "Event");
		List<String> sequences = new ArrayList<>();
		for (int i = 0; i < xmlEvents.getLength(); i++) {
			sequences
				.add(((Element) xmlEvents.item(i)).getElementsByTagNameNS(NS, "Sequence").item(0).getTextContent());
		}
		// the XML holds the JSON's events (and any written in between, after them)
		List<String> jsonSequences = new ArrayList<>();
		device.get("Event").values().forEach((event) -> jsonSequences.add(event.get("Sequence").asString()));
		assertThat(sequences).startsWith(jsonSequences.toArray(String[]::new));
	}

	@Test
	void onlyAdminsReadTheLog() {
		for (String path : List.of("/api/v1/audit/eel.json", "/api/v1/audit/eel.xml")) {
			this.api.anonymous()
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			String staff = this.accounts.create("eel-desk", "STAFF");
			this.accounts.basic(staff, StaffAccounts.PASSWORD)
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private byte[] read(String path, MediaType type) {
		var answer = this.api.admin()
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(type)
			.expectBody()
			.returnResult();
		// as docs/api.md quotes it
		assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("no-store, private");
		return answer.getResponseBody();
	}

}

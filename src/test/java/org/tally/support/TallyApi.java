package org.tally.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Drives Tally over real HTTP the way staff and readers do. Every API response is held to
 * the committed OpenAPI document ({@link ContractCheck}).
 */
public final class TallyApi {

	private final RestTestClient anonymous;

	private final RestTestClient admin;

	public TallyApi(int port) {
		String base = "http://localhost:" + port;
		this.anonymous = RestTestClient.bindToServer().baseUrl(base).requestInterceptor(new ContractCheck()).build();
		this.admin = RestTestClient.bindToServer()
			.baseUrl(base)
			.requestInterceptor(new ContractCheck())
			.defaultHeaders((headers) -> headers.setBasicAuth(Staff.ADMIN, Staff.ADMIN_PASSWORD))
			.build();
	}

	public RestTestClient anonymous() {
		return this.anonymous;
	}

	public RestTestClient admin() {
		return this.admin;
	}

	/**
	 * What a reader gets at {@code path} (200 expected), as text: a page or an export.
	 */
	public String text(String path) {
		return this.anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** The page a browser gets at {@code path} (200 expected; it asks for HTML). */
	public String page(String path) {
		return this.anonymous.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** A JSON object a reader gets at {@code path} (200 expected), as maps and lists. */
	public Map<String, Object> json(String path) {
		return this.anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/** A JSON array a reader gets at {@code path} (200 expected), as a list of maps. */
	public List<Map<String, Object>> jsonList(String path) {
		return this.anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	/** Creates an election (as admin) with a unique slug built from the given stem. */
	public String createElection(String slug, String kind) {
		this.admin.post().uri("/api/v1/elections").contentType(MediaType.APPLICATION_JSON).body("""
				{"slug":"%s","name":"Test %s","date":"2017-06-06","kind":"%s","jurisdiction":"California","test":false}
				""".formatted(slug, slug, kind)).exchange().expectStatus().isCreated();
		return slug;
	}

	/** Puts a JSON body (as admin) and expects 200. */
	public void putJson(String path, String json) {
		this.admin.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).exchange().expectStatus().isOk();
	}

	/** Posts a classpath file as a {@code text/csv} body; returns the response spec. */
	public RestTestClient.ResponseSpec importFile(String election, String resource, String query) {
		return importCsv(election, read(resource), query);
	}

	public RestTestClient.ResponseSpec importCsv(String election, byte[] csv, String query) {
		return this.admin.post()
			.uri("/api/v1/elections/" + election + "/imports" + ((query == null || query.isEmpty()) ? "" : "?" + query))
			.header(HttpHeaders.CONTENT_TYPE, "text/csv")
			.body(csv)
			.exchange();
	}

	/** Posts bytes as the body with the given Content-Type. */
	public RestTestClient.ResponseSpec importBody(String election, byte[] body, String contentType, String query) {
		return this.admin.post()
			.uri("/api/v1/elections/" + election + "/imports" + ((query == null || query.isEmpty()) ? "" : "?" + query))
			.header(HttpHeaders.CONTENT_TYPE, contentType)
			.body(body)
			.exchange();
	}

	public static byte[] read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

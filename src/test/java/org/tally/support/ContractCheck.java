package org.tally.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Holds every API response of the test suite to the committed OpenAPI document
 * ({@code docs/openapi.json}): its status must be documented for the operation, its
 * Content-Type one the operation declares, and its body must fit the schema, where every
 * record's object takes no member the document does not list. A response that does not
 * fit fails the test that got it. Event streams are left alone (they never end).
 */
public final class ContractCheck implements ClientHttpRequestInterceptor {

	/** The committed document, where the build and the tests read it. */
	public static final Path DOCUMENT = Path.of("docs", "openapi.json");

	private static volatile OpenApiInteractionValidator validator;

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		String path = request.getURI().getRawPath();
		MediaType type = response.getHeaders().getContentType();
		if (!path.startsWith("/api/") || (type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM))) {
			return response;
		}
		byte[] bytes = response.getBody().readAllBytes();
		check(request.getMethod().name(), path, response.getStatusCode().value(), response.getHeaders(), bytes);
		return new Buffered(response, bytes);
	}

	/**
	 * Fails with the validator's messages when the response does not fit the document.
	 */
	public static void check(String method, String path, int status, HttpHeaders headers, byte[] body) {
		if (status == 304 || "HEAD".equals(method) || "OPTIONS".equals(method)) {
			return; // no body; 304 answers a conditional GET the document does not list
		}
		SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
		headers.forEach((name, values) -> response.withHeader(name, values));
		if (headers.getContentType() != null) {
			response.withContentType(headers.getContentType().toString());
		}
		if (body.length > 0) {
			response.withBody(new String(gunzipped(headers, body), StandardCharsets.UTF_8));
		}
		ValidationReport report = validator().validateResponse(path,
				Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
		if (report.hasErrors()) {
			throw new AssertionError(
					method + " " + path + " answered " + status + ", which does not fit " + DOCUMENT + ":\n"
							+ report.getMessages()
								.stream()
								.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
								.map((message) -> "  " + message.getKey() + ": " + message.getMessage()
										+ message.getContext().map((context) -> " " + context.getPointers()).orElse(""))
								.collect(Collectors.joining("\n")));
		}
	}

	private static byte[] gunzipped(HttpHeaders headers, byte[] body) {
		if (!"gzip".equalsIgnoreCase(headers.getFirst(HttpHeaders.CONTENT_ENCODING))) {
			return body;
		}
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static OpenApiInteractionValidator validator() {
		if (validator == null) {
			synchronized (ContractCheck.class) {
				if (validator == null) {
					validator = OpenApiInteractionValidator.createForInlineApiSpecification(closedObjects())
						.withLevelResolver(LevelResolver.create()
							.withLevel("validation.request", ValidationReport.Level.IGNORE)
							.withLevel("validation.response.header", ValidationReport.Level.IGNORE)
							.build())
						.build();
				}
			}
		}
		return validator;
	}

	/**
	 * The document as committed, with every described object closed
	 * ({@code additionalProperties: false} where it says nothing): a field a record gains
	 * without the document following fails here.
	 */
	private static String closedObjects() {
		try {
			JsonMapper mapper = JsonMapper.builder().build();
			JsonNode document = mapper.readTree(Files.readString(DOCUMENT));
			document.path("components").path("schemas").forEach((schema) -> {
				if (schema.has("properties") && !schema.has("additionalProperties")) {
					((ObjectNode) schema).put("additionalProperties", false);
				}
			});
			return mapper.writeValueAsString(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The response with its body read once, for the validator and the test. */
	private static final class Buffered implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final byte[] body;

		Buffered(ClientHttpResponse response, byte[] body) {
			this.response = response;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
			this.response.close();
		}

	}

}

package org.tally.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.tally.kernel.PublicHttpPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of the OpenAPI document shares, kept in one place so an endpoint
 * added anywhere is covered: the security schemes (HTTP Basic with a staff account,
 * Bearer with an API token) and which operations need them (the rules of
 * {@link SecurityConfiguration}: writes and the admin paths), RFC 9457 problem responses
 * ({@code application/problem+json}) for the errors each kind of operation can answer, a
 * summary where a controller gave none, the bodies of endpoints that read the raw request
 * body, and the import's query options.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM_JSON = "application/problem+json";

	private static final List<String> ADMIN_PATHS = PublicHttpPolicy.ADMIN_API;

	private static final Map<String, String> IMPORT_OPTIONS = Map.of("format",
			"the file's format: auto (the default: recognised by its header) or a format code such as openelections "
					+ "or clarity-summary",
			"mode",
			"strict (the default): every contest, candidate and unit must exist; setup: create the missing ones",
			"dryRun", "true: check and preview the changes without applying them", "correction",
			"the reason counts may go down (a correction); without it a decrease rejects the file", "calls",
			"what to do with race calls the file carries", "charset",
			"the file's character set when it is not UTF-8 (e.g. windows-1252)", "county",
			"the county a precinct file belongs to, when the file does not say", "sourceUpdatedAt",
			"when the source last changed the file, ISO-8601 UTC (2017-06-07T09:00:00Z)", "fileName",
			"the file's name, kept in the import history");

	@Bean
	OpenAPI tallyOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Tally API")
				.version("v1")
				.description("Election results: the public feed (reads, cacheable, open to any origin) and the staff "
						+ "writes (HTTP Basic with a staff account, or Bearer with an API token). Errors are RFC 9457 "
						+ "problem details."))
			.servers(List.of(new Server().url("/").description("this Tally")))
			.components(new Components()
				.addSecuritySchemes("basicAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("a staff account (admins for users, tokens and the audit log)"))
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("an API token, created by an admin at /staff/tokens"))
				.addSchemas("ProblemDetail", problemSchema())
				.addResponses("BadRequest", problem("The request is malformed or a value is invalid"))
				.addResponses("Unauthorized", problem(
						"No valid credentials: sign in with Basic or Bearer (a public read sent with wrong ones is refused too)"))
				.addResponses("Forbidden", problem("The account may not do this (admins only)"))
				.addResponses("Embargoed", problem("The election's counts are embargoed until its publishAfter "
						+ "(\"Results after 8:00 PM EST\", also in resultsAfter; publishAfter gives the instant): "
						+ "staff see them signed in; anyone else after that time"))
				.addResponses("NotFound", problem("No such election, contest or record"))
				.addResponses("Conflict", problem("The change conflicts with what is stored"))
				.addResponses("UnprocessableContent", problem("The file was rejected; nothing was applied"))
				.addResponses("ContentTooLarge", problem("The body is larger than Tally takes"))
				.addResponses("UnsupportedMediaType", problem("The body's Content-Type is not one the operation reads"))
				.addResponses("TooManyRequests",
						problem("Too many failed sign-ins from this client or for this account: wait Retry-After"))
				.addResponses("ServiceUnavailable",
						problem("The database is out of reach for the moment: try again after Retry-After")));
	}

	/**
	 * Bodies of handlers that read the raw request: one entry per media type they
	 * consume.
	 */
	@Bean
	OperationCustomizer rawRequestBodies() {
		return (operation, handler) -> {
			String[] consumes = consumes(handler);
			if (operation.getRequestBody() == null && consumes.length > 0) {
				Content content = new Content();
				for (String type : consumes) {
					content.addMediaType(type, new MediaType()
						.schema(new StringSchema().format(type.startsWith("text/") ? null : "binary")));
				}
				operation.setRequestBody(new RequestBody().required(true).content(content));
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer sharedOperationParts() {
		return (openApi) -> openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
				if (path.startsWith("/api/")) {
					summary(op);
					security(path, method, op);
					problems(path, method, op);
					importOptions(path, method, op);
				}
			}));
	}

	private static void summary(Operation operation) {
		if (operation.getSummary() == null || operation.getSummary().isBlank()) {
			String words = operation.getOperationId().replaceAll("_\\d+$", "").replaceAll("([A-Z])", " $1");
			operation.setSummary(Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase(Locale.ROOT));
		}
	}

	private static void security(String path, PathItem.HttpMethod method, Operation operation) {
		if (secured(path, method)) {
			operation.setSecurity(List.of(new SecurityRequirement().addList("basicAuth"),
					new SecurityRequirement().addList("bearerAuth")));
		}
		else {
			operation.setSecurity(List.of());
		}
	}

	private static boolean secured(String path, PathItem.HttpMethod method) {
		boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
				|| method == PathItem.HttpMethod.OPTIONS;
		return !read || ADMIN_PATHS.stream().anyMatch((admin) -> path.equals(admin) || path.startsWith(admin + "/"));
	}

	private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
				|| method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
		boolean parameters = operation.getRequestBody() != null || (operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((p) -> !"path".equals(p.getIn())));
		if (parameters || write) {
			refer(responses, "400", "BadRequest");
		}
		// credentials that are sent are checked on every operation, also on public reads
		refer(responses, "401", "Unauthorized");
		if (secured(path, method)) {
			refer(responses, "403", "Forbidden");
		}
		else if (embargoed(path)) {
			refer(responses, "403", "Embargoed");
		}
		if (path.contains("{")) {
			refer(responses, "404", "NotFound");
		}
		if (write && method != PathItem.HttpMethod.DELETE) {
			refer(responses, "409", "Conflict");
		}
		if (write && path.endsWith("/imports")) {
			refer(responses, "422", "UnprocessableContent");
		}
		if (operation.getRequestBody() != null) {
			refer(responses, "413", "ContentTooLarge");
			refer(responses, "415", "UnsupportedMediaType");
		}
		refer(responses, "429", "TooManyRequests");
		refer(responses, "503", "ServiceUnavailable");
	}

	/**
	 * Whether a public read answers 403 during an election's embargo (EmbargoFilter):
	 * everything of an election but itself, its revision and its events.
	 */
	private static boolean embargoed(String path) {
		String election = PublicHttpPolicy.FEED + "{election}/";
		return path.startsWith(election) && !path.equals(election + "revision") && !path.equals(election + "events");
	}

	/**
	 * Puts the shared problem response under the code, unless the operation documents its
	 * own.
	 */
	private static void refer(ApiResponses responses, String code, String name) {
		ApiResponse existing = responses.get(code);
		if (existing == null || existing.getContent() == null || !existing.getContent().containsKey(PROBLEM_JSON)) {
			responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + name));
		}
	}

	private static void importOptions(String path, PathItem.HttpMethod method, Operation operation) {
		if (method != PathItem.HttpMethod.POST || !path.endsWith("/imports") || operation.getParameters() == null) {
			return;
		}
		for (Parameter parameter : operation.getParameters()) {
			String description = IMPORT_OPTIONS.get(parameter.getName());
			if (description != null && parameter.getDescription() == null) {
				parameter.setDescription(description);
			}
			if ("mode".equals(parameter.getName())) {
				parameter.setSchema(new StringSchema()._enum(List.of("strict", "setup"))._default("strict"));
			}
			if ("dryRun".equals(parameter.getName())) {
				parameter.setSchema(new BooleanSchema()._default(false));
			}
		}
	}

	private static String[] consumes(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		boolean bodyParameter = Arrays.stream(handler.getMethodParameters())
			.anyMatch((p) -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
					|| p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class));
		return (mapping == null || bodyParameter) ? new String[0] : mapping.consumes();
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details; some add fields (an import's problems)")
			.addProperty("type", new StringSchema().format("uri-reference"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema().format("int32"))
			.addProperty("detail", new StringSchema().description("What is wrong, naming the field or parameter"))
			.addProperty("instance", new StringSchema().format("uri-reference"))
			.required(List.of("status", "title"))
			.additionalProperties(true);
	}

}

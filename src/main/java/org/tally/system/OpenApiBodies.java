package org.tally.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bodies of the OpenAPI document that are not records, as named schemas a client
 * generator builds: the votes by vote type, {@code /revision}'s, {@code /cdf.json}'s and
 * {@code /audit/eel.json}'s JSON objects, {@code cdf.xml}'s and {@code eel.xml}'s XML,
 * {@code results.csv}'s text and the import's file (multipart field {@code file}, or the
 * raw bytes). Runs after {@link RecordSchemas} has described the records.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiBodies {

	static final List<String> VOTE_TYPES = List.of("election-day", "mail", "early", "provisional");

	@Bean
	OpenApiCustomizer namedBodies() {
		return (openApi) -> {
			addSchemas(openApi);
			freeObject(openApi, "RevisionResponse", "action");
			openApi.getComponents().getSchemas().values().forEach(OpenApiBodies::voteTypes);
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (path.endsWith("/revision")) {
					json(operation, "Revision");
				}
				else if (path.endsWith("/cdf.json")) {
					json(operation, "CdfElectionReport");
				}
				else if (path.endsWith("/cdf.xml")) {
					success(operation, "application/xml", "CdfElectionReportXml");
				}
				else if (path.endsWith("/audit/eel.json")) {
					json(operation, "ElectionEventLog");
				}
				else if (path.endsWith("/audit/eel.xml")) {
					success(operation, "application/xml", "ElectionEventLogXml");
				}
				else if (path.endsWith("/results.csv")) {
					success(operation, "text/csv", "ResultsCsv");
				}
				else if (path.endsWith("/revisions/{revision}/counts")) {
					json(operation, "RevisionCounts");
				}
				else if (path.endsWith("/revisions/{revision}/source")) {
					success(operation, "application/octet-stream", "ResultsFile");
				}
				else if (path.endsWith("/keys")) {
					json(operation, "SigningKeys");
				}
				if (path.endsWith("/imports") && operation.getRequestBody() != null) {
					importBody(operation);
				}
			}));
			sort(openApi);
		};
	}

	/**
	 * Paths and components by name, so the served document is always the same bytes;
	 * everything else keeps the order Tally gives it (the import's multipart body first,
	 * which a sorted writer would put after {@code application/json}).
	 */
	private static void sort(OpenAPI openApi) {
		Paths paths = new Paths();
		new TreeMap<>(openApi.getPaths()).forEach(paths::addPathItem);
		openApi.setPaths(paths);
		openApi.getComponents().setSchemas(new TreeMap<>(openApi.getComponents().getSchemas()));
		openApi.getComponents().setResponses(new TreeMap<>(openApi.getComponents().getResponses()));
	}

	private static void addSchemas(OpenAPI openApi) {
		ObjectSchema voteTypes = new ObjectSchema();
		VOTE_TYPES.forEach((type) -> voteTypes.addProperty(type,
				new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
		voteTypes.additionalProperties(false)
			.description("Votes per vote type, only the types the source reported, in this order");
		openApi.getComponents()
			.addSchemas("VoteTypes", voteTypes)
			.addSchemas("Revision",
					new ObjectSchema().addProperty("revision", new IntegerSchema().format("int64"))
						.addProperty("digest", new StringSchema().nullable(true)
							.description("the revision's digest in the chain (docs/verify.md); null before the first"))
						.required(List.of("revision", "digest"))
						.description("The election's current revision"))
			.addSchemas("RevisionCounts",
					new ArraySchema().items(new ArraySchema().items(new Schema<>()))
						.description("Every count the revision set, as [contest, unit, choice, voteType, votes] in the "
								+ "chain's canonical order (docs/verify.md)"))
			.addSchemas("SigningKeys",
					new ObjectSchema()
						.addProperty("keys",
								new ArraySchema().items(new ObjectSchema().addProperty("keyId", new StringSchema())
									.addProperty("algorithm", new StringSchema()._enum(List.of("Ed25519")))
									.addProperty("publicKey", new StringSchema())
									.addProperty("format", new StringSchema())
									.required(List.of("keyId", "algorithm", "publicKey", "format"))))
						.required(List.of("keys"))
						.description("The public keys that sign revision digests (docs/verify.md)"))
			.addSchemas("CdfElectionReport", new ObjectSchema()
				.description("A NIST SP 1500-100 v2 ElectionReport (JSON), as NIST's schema describes it; its members "
						+ "are NIST's, not Tally's")
				.addProperty("@type", new StringSchema()._enum(List.of("ElectionResults.ElectionReport")))
				.required(List.of("@type"))
				.additionalProperties(true))
			.addSchemas("CdfElectionReportXml",
					new StringSchema().description("A NIST SP 1500-100 v2 ElectionReport in NIST's XML form "
							+ "(namespace http://itl.nist.gov/ns/voting/1500-100/v2), valid against NIST's v2 XSD"))
			.addSchemas("ElectionEventLog", new ObjectSchema()
				.description(
						"A NIST SP 1500-101 v1 ElectionEventLog (JSON), as NIST's schema describes it; its members "
								+ "are NIST's, not Tally's")
				.addProperty("@type", new StringSchema()._enum(List.of("EventLogging.ElectionEventLog")))
				.required(List.of("@type"))
				.additionalProperties(true))
			.addSchemas("ElectionEventLogXml",
					new StringSchema().description("A NIST SP 1500-101 v1 ElectionEventLog in NIST's XML form "
							+ "(namespace http://itl.nist.gov/ns/voting/1500-101/v1), valid against NIST's XSD"))
			.addSchemas("ResultsCsv",
					new StringSchema().description("RFC 4180 CSV in the OpenElections layout (docs/api.md)"))
			.addSchemas("ResultsFile", new StringSchema().format("binary").description("A results file's bytes"))
			.addSchemas("ImportUpload",
					new ObjectSchema().addProperty("file", new Schema<>().$ref("#/components/schemas/ResultsFile"))
						.required(List.of("file"))
						.description("A results file as the multipart field 'file'"));
	}

	/** Every {@code voteTypes} map is the one named schema. */
	@SuppressWarnings("rawtypes")
	private static void voteTypes(Schema schema) {
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null && properties.containsKey("voteTypes")) {
			Schema existing = properties.get("voteTypes");
			properties.put("voteTypes", new Schema<>().$ref("#/components/schemas/VoteTypes"));
			if (existing.getDescription() != null) {
				// OpenAPI 3.0 ignores siblings of $ref; the description lives on
				// VoteTypes
				existing.setDescription(null);
			}
		}
	}

	/** A member that holds any JSON object (a staff action's canonical form). */
	@SuppressWarnings("unchecked")
	private static void freeObject(OpenAPI openApi, String schema, String property) {
		Schema<Object> owner = openApi.getComponents().getSchemas().get(schema);
		if (owner != null && owner.getProperties() != null && owner.getProperties().containsKey(property)) {
			Schema<Object> member = (Schema<Object>) owner.getProperties().get(property);
			owner.getProperties()
				.put(property,
						new ObjectSchema().additionalProperties(true)
							.nullable(member.getNullable())
							.description(member.getDescription()));
		}
	}

	private static void json(Operation operation, String schema) {
		success(operation, "application/json", schema);
	}

	private static void success(Operation operation, String mediaType, String schema) {
		var ok = operation.getResponses().get("200");
		if (ok != null) {
			MediaType media = (ok.getContent() != null) ? ok.getContent().get(mediaType) : null;
			MediaType named = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema));
			if (media != null) {
				named.setExamples(media.getExamples());
				named.setExample(media.getExample());
			}
			ok.setContent(new Content().addMediaType(mediaType, named));
		}
	}

	/**
	 * The import reads the multipart field {@code file} or the raw body: multipart first
	 * (a generator that builds one body builds that one), then each raw type.
	 */
	private static void importBody(Operation operation) {
		operation.setOperationId("importFile");
		Content content = operation.getRequestBody().getContent();
		Content ordered = new Content();
		Map<String, MediaType> raw = new LinkedHashMap<>(content);
		raw.remove("multipart/form-data");
		ordered.addMediaType("multipart/form-data",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/ImportUpload")));
		raw.keySet()
			.forEach((type) -> ordered.addMediaType(type,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/ResultsFile"))));
		operation.getRequestBody().setContent(ordered);
	}

}

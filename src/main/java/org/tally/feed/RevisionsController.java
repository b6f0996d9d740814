package org.tally.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.tally.results.CanonicalJson;
import org.tally.results.ElectionResults;
import org.tally.results.RevisionChain;
import org.tally.results.RevisionRecord;
import org.tally.results.RevisionSigner;
import org.tally.results.SourceFiles;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The revision chain of an election, the files it applied and the key that signs it
 * (docs/verify.md): what a reader needs to check that a published number came from a
 * given file and that history was not rewritten.
 */
@RestController
@Tag(name = "Revisions", description = "The signed chain of revisions and the files they applied (docs/verify.md).")
class RevisionsController {

	private final FeedBodies bodies;

	private final FeedResponses responses;

	private final RevisionChain chain;

	private final SourceFiles sources;

	private final RevisionSigner signer;

	private final JsonMapper json;

	RevisionsController(FeedBodies bodies, FeedResponses responses, RevisionChain chain, SourceFiles sources,
			RevisionSigner signer, JsonMapper json) {
		this.bodies = bodies;
		this.responses = responses;
		this.chain = chain;
		this.sources = sources;
		this.signer = signer;
		this.json = json;
	}

	@GetMapping("/api/v1/elections/{election}/revisions")
	@Operation(summary = "Every revision of the election with its signed digest, oldest first")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			array = @ArraySchema(schema = @Schema(implementation = RevisionResponse.class))))
	ResponseEntity<byte[]> revisions(@PathVariable String election) {
		ElectionResults found = this.bodies.current(election);
		List<RevisionResponse> list = this.chain.revisions(found.election().id())
			.stream()
			.map((record) -> RevisionResponse.of(record, (record.action() != null) ? action(record.action()) : null))
			.toList();
		return this.responses.ok(found, this.responses.json(found.revision(), list), null);
	}

	@GetMapping("/api/v1/elections/{election}/revisions/{revision}/counts")
	@Operation(summary = "The counts the revision set, as the canonical form of its digest lists them",
			description = "[[contest, unit, choice, voteType, votes], ...] in canonical order, read from the stored "
					+ "history now: recomputing the digest from them shows whether a stored count changed since.")
	ResponseEntity<byte[]> counts(@PathVariable String election, @PathVariable long revision) {
		ElectionResults found = this.bodies.current(election);
		RevisionRecord record = record(found, revision);
		StringBuilder out = new StringBuilder("[");
		this.chain.counts(found.election().id(), record.revision(), (line) -> {
			out.append((out.length() > 1) ? ",[" : "[");
			CanonicalJson.string(out, line.contest());
			out.append(',');
			CanonicalJson.string(out, line.unit());
			out.append(',');
			CanonicalJson.string(out, line.choice());
			out.append(',');
			CanonicalJson.string(out, line.voteType());
			out.append(',').append(line.votes()).append(']');
		});
		byte[] body = out.append(']').toString().getBytes(StandardCharsets.UTF_8);
		return this.responses.ok(found, Rendered.of(found.revision(), body, MediaType.APPLICATION_JSON), null);
	}

	@GetMapping("/api/v1/elections/{election}/revisions/{revision}/source")
	@Operation(summary = "The file the revision applied, byte for byte",
			description = "Public unless the election keeps its sources for staff (404 for others then).")
	ResponseEntity<byte[]> source(@PathVariable String election, @PathVariable long revision,
			Authentication authentication) {
		ElectionResults found = this.bodies.current(election);
		if (!this.chain.sourcesPublic(found.election().id()) && (authentication == null
				|| !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getName()))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "The sources of " + election + " are for staff");
		}
		RevisionRecord record = record(found, revision);
		if (record.sourceSha256() == null || this.sources.size(record.sourceSha256()).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Revision " + revision + " of " + election + " has no file on record");
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		this.sources.copy(record.sourceSha256(), body);
		String name = (record.sourceName() != null) ? record.sourceName() : record.sourceSha256();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(FeedResponses.REVISION_HEADER, Long.toString(record.revision()))
			.header(FeedResponses.DIGEST_HEADER, record.digest())
			.header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
			.eTag("\"" + record.sourceSha256() + "\"")
			.body(body.toByteArray());
	}

	@GetMapping("/api/v1/keys")
	@Operation(summary = "The Ed25519 public key that signs this instance's revision digests")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(ref = "#/components/schemas/SigningKeys")))
	SigningKeys keys() {
		return new SigningKeys(List.of(new SigningKeys.Key(this.signer.keyId(), "Ed25519", this.signer.publicKey(),
				"X.509 SubjectPublicKeyInfo, DER, base64")));
	}

	/** The body of {@code /keys}; its schema is OpenApiBodies' {@code SigningKeys}. */
	record SigningKeys(List<Key> keys) {

		/** One signing key. */
		record Key(String keyId, String algorithm, String publicKey, String format) {
		}

	}

	/** The action as recorded: a JSON object whose members depend on its type. */
	private JsonNode action(String canonical) {
		return this.json.readTree(canonical);
	}

	private RevisionRecord record(ElectionResults found, long revision) {
		return this.chain.revision(found.election().id(), revision)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No revision " + revision + " in " + found.election().slug()));
	}

}

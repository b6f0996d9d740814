package org.tally.feed;

import java.time.Instant;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ElectionResults;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns results into cacheable answers: the bytes of each representation are serialized
 * once per revision and kept beside the results; every answer carries the strong ETag,
 * {@code Cache-Control} ({@link PublicHttpPolicy#PUBLIC}), {@code Last-Modified} and the
 * election's revision, and Spring answers a matching {@code If-None-Match} with 304.
 * Clients that accept gzip get the bytes compressed once per revision
 * ({@link Rendered#gzip()}) with their own tag.
 */
@Component
class FeedResponses {

	static final String REVISION_HEADER = "Tally-Revision";

	static final String TEST_HEADER = "Tally-Test";

	/** The current revision's digest in the chain (docs/verify.md). */
	static final String DIGEST_HEADER = "Tally-Digest";

	private final JsonMapper json;

	FeedResponses(JsonMapper json) {
		this.json = json;
	}

	/** The election-wide body serialized as JSON once for these results. */
	Rendered json(ElectionResults results, FeedView view, Supplier<Object> body) {
		return results.rendered(view, () -> json(results.revision(), body.get()));
	}

	/** One contest's body serialized as JSON once for these results. */
	Rendered json(ElectionResults results, String contest, FeedView view, Supplier<Object> body) {
		return results.rendered(contest, view, () -> json(results.revision(), body.get()));
	}

	/** Bytes of another type made once for these results. */
	Rendered bytes(ElectionResults results, FeedView view, MediaType type, Supplier<byte[]> body) {
		return results.rendered(view, () -> Rendered.of(results.revision(), body.get(), type));
	}

	/** A body made for one request of these results (a filtered list), not kept. */
	Rendered json(long revision, Object body) {
		return Rendered.of(revision, this.json.writeValueAsBytes(body), MediaType.APPLICATION_JSON);
	}

	/** A body made for one request (the list of elections), hashed for its ETag. */
	Rendered json(Object body) {
		return Rendered.of(0, this.json.writeValueAsBytes(body), MediaType.APPLICATION_JSON);
	}

	ResponseEntity<byte[]> ok(Rendered rendered) {
		return encoded(ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.PUBLIC)
			.contentType(rendered.type()), rendered);
	}

	ResponseEntity<byte[]> ok(ElectionResults results, Rendered rendered, Instant lastModified) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.PUBLIC)
			.contentType(rendered.type())
			.header(REVISION_HEADER, Long.toString(results.revision()));
		if (results.digest() != null) {
			answer.header(DIGEST_HEADER, results.digest());
		}
		Instant modified = (lastModified != null) ? lastModified : results.election().lastUpdated();
		if (modified != null) {
			answer.lastModified(modified);
		}
		if (results.election().test()) {
			answer.header(TEST_HEADER, "true");
		}
		return encoded(answer, rendered);
	}

	/**
	 * The gzipped bytes and their tag for a client that accepts gzip, else the plain
	 * ones; either way {@code Vary: Accept-Encoding} when both exist.
	 */
	private static ResponseEntity<byte[]> encoded(ResponseEntity.BodyBuilder answer, Rendered rendered) {
		if (rendered.gzip() == null) {
			return answer.eTag(rendered.etag()).body(rendered.body());
		}
		answer.varyBy(HttpHeaders.ACCEPT_ENCODING);
		if (rendered.gzipFor(acceptEncoding())) {
			return answer.eTag(rendered.gzipEtag()).header(HttpHeaders.CONTENT_ENCODING, "gzip").body(rendered.gzip());
		}
		return answer.eTag(rendered.etag()).body(rendered.body());
	}

	private static String acceptEncoding() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest().getHeader(HttpHeaders.ACCEPT_ENCODING) : null;
	}

}

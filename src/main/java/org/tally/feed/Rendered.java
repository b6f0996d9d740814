package org.tally.feed;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.system.HttpCaching;

import org.springframework.http.MediaType;

/**
 * A response body serialized once, with its strong ETag: the revision it shows and a hash
 * of its bytes, so two instances at one revision give the same tag and any other
 * representation (another query, a test flag, a renamed contest) gets another. Bodies
 * worth compressing are also kept gzipped, compressed once beside the plain bytes, with
 * their own strong tag (the plain one with {@code -gzip}), so a client that accepts gzip
 * costs no compression per request.
 *
 * @param body the plain bytes
 * @param etag the plain bytes' strong ETag
 * @param type the content type
 * @param gzip the gzipped bytes, or {@code null} for a body too small to gain from it
 * @param gzipEtag the gzipped bytes' strong ETag, or {@code null}
 */
record Rendered(byte[] body, String etag, MediaType type, byte[] gzip, String gzipEtag) {

	/** Below this a gzip header and trailer cost about what they save. */
	static final int MIN_GZIP = 512;

	static Rendered of(long revision, byte[] body, MediaType type) {
		String tag = PublicHttpPolicy.feedEtag(revision, HttpCaching.hash(body));
		if (body.length < MIN_GZIP) {
			return new Rendered(body, tag, type, null, null);
		}
		return new Rendered(body, tag, type, HttpCaching.gzip(body), PublicHttpPolicy.gzipEtag(tag));
	}

	/** Whether to answer with the gzipped bytes, given the request's Accept-Encoding. */
	boolean gzipFor(String acceptEncoding) {
		return this.gzip != null && HttpCaching.acceptsGzip(acceptEncoding);
	}

}

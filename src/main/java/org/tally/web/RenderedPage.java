package org.tally.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.system.HttpCaching;

import org.springframework.http.HttpHeaders;

/**
 * A page rendered once for one revision and language, kept plain and gzipped, each with a
 * strong ETag: {@code "p{revision}-{language}-{hash}"}, and {@code -gzip} for the gzipped
 * bytes. The same page at the same revision gives the same tag on every instance.
 *
 * @param body the HTML
 * @param gzip the HTML gzipped
 * @param etag the HTML's ETag
 * @param gzipEtag the gzipped HTML's ETag
 * @param contentType the content type the view set
 * @param contentLanguage the Content-Language the view set, or null
 */
record RenderedPage(byte[] body, byte[] gzip, String etag, String gzipEtag, String contentType,
		String contentLanguage) {

	static RenderedPage of(long revision, String language, byte[] body, String contentType, String contentLanguage) {
		String tag = PublicHttpPolicy.pageEtag(revision, language, HttpCaching.hash(body));
		return new RenderedPage(body, HttpCaching.gzip(body), tag, PublicHttpPolicy.gzipEtag(tag), contentType,
				contentLanguage);
	}

	/**
	 * Answers with these bytes, gzipped when the client accepts gzip, or 304 when its
	 * If-None-Match names them.
	 */
	void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean gzipped = HttpCaching.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		String tag = gzipped ? this.gzipEtag : this.etag;
		response.setHeader(HttpHeaders.ETAG, tag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.PUBLIC);
		response.setHeader(HttpHeaders.VARY, PublicHttpPolicy.PAGE_VARY);
		if (HttpCaching.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] bytes = gzipped ? this.gzip : this.body;
		if (gzipped) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}

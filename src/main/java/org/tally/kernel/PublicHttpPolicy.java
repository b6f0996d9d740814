package org.tally.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public HTTP contract in one place (docs/security.md, "Headers"; docs/api.md,
 * "Caching"; docs/pages.md, "Caching"): which paths are an election's public surfaces and
 * which the admin API, what each kind of answer may be cached for, what it varies by, how
 * its ETag is spelled, and the security headers it carries. The feed's fast path
 * ({@code feed.FeedFastPath}), the pages kept in memory ({@code web.RenderedPages}), the
 * controllers, Spring Security's header writers ({@code system.SecurityConfiguration}),
 * the embargo ({@code system.EmbargoFilter}), the errors the filters write
 * ({@code system.ProblemResponses}), the reader's language ({@code web.ReaderLocale}) and
 * the token scopes ({@code staff.TokenScope}) all read it, so a fast answer and a
 * rendered one cannot drift apart ({@code PublicHeadersTests} compares them on every
 * public route), and the docs quote its values ({@code DocsClaimsTests}).
 */
public final class PublicHttpPolicy {

	/** The JSON feed and its exports: {@code /api/v1/elections/{e}/...}. */
	public static final String FEED = "/api/v1/elections/";

	/** The pages: {@code /elections/{e}/...}. */
	public static final String PAGES = "/elections/";

	/** Everything under it belongs to the embeds, which any site may frame. */
	public static final String EMBED_ROOT = "/embed/";

	/** The embeds: {@code /embed/elections/{e}/...}. */
	public static final String EMBEDS = EMBED_ROOT + "elections/";

	/** The path pattern of the embeds (Spring's path patterns). */
	public static final String EMBED_PATTERN = EMBED_ROOT + "**";

	/**
	 * The servlet URL patterns that cover every public surface of an election (the feed,
	 * the pages, the embeds).
	 */
	public static final List<String> ELECTION_URL_PATTERNS = List.of(FEED + "*", PAGES + "*", EMBED_ROOT + "*");

	/**
	 * The reader's pages, which speak the reader's language and may be cached: the list
	 * of elections ({@code /}), everything under {@link #PAGES} and {@link #EMBED_ROOT}
	 * (Spring's path patterns; {@link #readerPage} tells a path).
	 */
	public static final List<String> READER_PAGE_PATTERNS = List.of("/", PAGES + "**", EMBED_PATTERN);

	/** The reader's pages as servlet URL patterns (the empty one is the root). */
	public static final List<String> READER_PAGE_URL_PATTERNS = List.of("", PAGES + "*", EMBED_ROOT + "*");

	/** The API of accounts: users and tokens (reads and writes need an admin). */
	public static final List<String> ACCOUNTS_API = List.of("/api/v1/users", "/api/v1/tokens");

	/** What an admin manages through the API: users, tokens, the audit log. */
	public static final List<String> ADMIN_API = List.of("/api/v1/users", "/api/v1/tokens", "/api/v1/audit");

	/**
	 * Public reads (the feed, its exports, {@code /revision}, the pages, the embed): a
	 * reader's browser, a proxy or a CDN may keep them 5 seconds, and serve them 30 more
	 * while it asks again.
	 */
	public static final String PUBLIC = "public, max-age=5, stale-while-revalidate=30";

	/** Live fragments a page asks for again on the next event: always revalidated. */
	public static final String LIVE = "no-cache";

	/** A staff preview of an embargoed election: this browser only, never stored. */
	public static final String PRIVATE = "private, no-store";

	/**
	 * Never stored: the event stream, and the errors Tally writes itself (a 503 while the
	 * database is out of reach or the event streams are full, a 429 of the sign-in
	 * throttle, a request refused before Spring MVC), so that no cache repeats one once
	 * its cause has passed.
	 */
	public static final String NO_STORE = "no-store";

	/** What every CORS-mapped feed answer varies by (Spring's CORS processing). */
	public static final String FEED_VARY = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

	/** What a page kept in memory varies by. */
	public static final String PAGE_VARY = "Accept-Encoding, Accept-Language";

	/** The {@code Referrer-Policy} of every answer. */
	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	/** Pages may only be framed by Tally itself; {@code /embed/**} has its own policy. */
	public static final String PAGE_CSP = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	/** The embed may be framed by any site. */
	public static final String EMBED_CSP = "frame-ancestors *; default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

	/**
	 * The security headers of every answer of the API, whichever path answers it (the
	 * same as Spring Security's defaults with the referrer policy).
	 */
	public static final Map<String, String> API_HEADERS = headers("X-Content-Type-Options", "nosniff",
			"X-XSS-Protection", "0", "X-Frame-Options", "DENY", "Referrer-Policy", REFERRER_POLICY);

	/** The security headers of every page and embed. */
	public static final Map<String, String> PAGE_HEADERS = headers("X-Content-Type-Options", "nosniff",
			"X-XSS-Protection", "0", "Referrer-Policy", REFERRER_POLICY);

	/** The headers of every page but the embed, on top of {@link #PAGE_HEADERS}. */
	public static final Map<String, String> FRAMED_BY_TALLY_ONLY = headers("Content-Security-Policy", PAGE_CSP,
			"X-Frame-Options", "SAMEORIGIN");

	private PublicHttpPolicy() {
	}

	/**
	 * Which public surface of an election the path is on: {@link #FEED}, {@link #PAGES}
	 * or {@link #EMBEDS}, or null for none.
	 */
	public static String surface(String path) {
		for (String prefix : List.of(FEED, PAGES, EMBEDS)) {
			if (path.startsWith(prefix)) {
				return prefix;
			}
		}
		return null;
	}

	/**
	 * Whether the path is one of the reader's pages ({@link #READER_PAGE_PATTERNS}): the
	 * list of elections, everything under {@link #PAGES} and {@link #EMBED_ROOT}.
	 */
	public static boolean readerPage(String path) {
		return path.equals("/") || path.isEmpty() || path.startsWith(PAGES) || path.startsWith(EMBED_ROOT);
	}

	/** Whether the method only reads ({@code GET}, {@code HEAD}). */
	public static boolean read(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}

	/**
	 * Whether the method changes nothing ({@code GET}, {@code HEAD}, {@code OPTIONS}).
	 */
	public static boolean safe(String method) {
		return read(method) || "OPTIONS".equals(method);
	}

	/**
	 * The election a path of the feed is about ({@code /api/v1/elections/{slug}/...}), or
	 * empty for one about no single election.
	 */
	public static Optional<String> election(String path) {
		if (!path.startsWith(FEED) || path.length() == FEED.length()) {
			return Optional.empty();
		}
		int end = path.indexOf('/', FEED.length());
		return Optional.of(path.substring(FEED.length(), (end < 0) ? path.length() : end));
	}

	/** Whether the path is the API of accounts (users, tokens). */
	public static boolean accounts(String path) {
		return ACCOUNTS_API.stream().anyMatch(path::startsWith);
	}

	/** Whether the path is an election's imports. */
	public static boolean imports(String path) {
		return path.matches("/api/v1/elections/[^/]+/imports(/.*)?");
	}

	/**
	 * An embargoed election's public answers (docs/api.md, "Embargo"): like
	 * {@link #PUBLIC} but never kept past the embargo, and not served stale.
	 */
	public static String embargoed(long secondsLeft) {
		return "public, max-age=" + Math.max(0, Math.min(5, secondsLeft));
	}

	/** What a feed answer varies by: with {@code Accept-Encoding} when it has gzip. */
	public static String feedVary(boolean gzip) {
		return gzip ? FEED_VARY + ", Accept-Encoding" : FEED_VARY;
	}

	/** A feed body's strong ETag: {@code "{revision}-{hash}"}. */
	public static String feedEtag(long revision, String hash) {
		return "\"" + revision + "-" + hash + "\"";
	}

	/** A page's strong ETag: {@code "p{revision}-{language}-{hash}"}. */
	public static String pageEtag(long revision, String language, String hash) {
		return "\"p" + revision + "-" + language + "-" + hash + "\"";
	}

	/** The ETag of the same bytes gzipped: the plain tag with {@code -gzip}. */
	public static String gzipEtag(String etag) {
		return etag.substring(0, etag.length() - 1) + "-gzip\"";
	}

	private static Map<String, String> headers(String... namesAndValues) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return Collections.unmodifiableMap(headers);
	}

}

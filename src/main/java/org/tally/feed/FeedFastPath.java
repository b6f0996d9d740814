package org.tally.feed;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.system.HttpCaching;
import org.tally.system.ReaderQueries;

import org.springframework.http.HttpHeaders;

/**
 * Answers the hottest reads (an election, its contests, one contest, without a query)
 * straight from the bytes rendered for the current revision, before the filter chain: on
 * election night these are nearly all the traffic, and they need no security, no handler
 * lookup and no serialization. The bytes and headers are the ones the controllers give
 * (same keys in {@link FeedBodies}; the headers from {@link PublicHttpPolicy}); anything
 * else, and anything not rendered yet, goes down the chain to the controllers. A client
 * that accepts gzip gets the bytes compressed once per revision
 * ({@link Rendered#gzip()}), with their own ETag.
 * <p>
 * It runs before the observation filter and counts its answers in
 * {@code http.server.requests} itself, with the tags that filter gives (method, uri,
 * status, outcome, exception, error): an observation per request (its context, key values
 * and meter look-up) took about a quarter of a fast answer's CPU (docs/feed.md, "Speed";
 * issue 27).
 */
class FeedFastPath implements Filter {

	static final String PREFIX = PublicHttpPolicy.FEED;

	private static final String EXPOSED = String.join(", ", FeedWebConfiguration.EXPOSED_HEADERS);

	private static final String[] PATTERNS = { PREFIX + "{election}", PREFIX + "{election}/contests",
			PREFIX + "{election}/contests/{contest}" };

	private final FeedBodies bodies;

	private final MeterRegistry meters;

	/** Per pattern (as {@link #PATTERNS}) and status (200, 304): the timer, once made. */
	private final Timer[] timers = new Timer[PATTERNS.length * 2];

	FeedFastPath(FeedBodies bodies, MeterRegistry meters) {
		this.bodies = bodies;
		this.meters = meters;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		long start = System.nanoTime();
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		// parameters the feed does not read (utm_*, fbclid, x) do not keep the prepared
		// bytes
		Answer answer = ("GET".equals(request.getMethod()) && ReaderQueries.canonical(request)
				&& request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) == null) ? answer(request.getRequestURI()) : null;
		if (answer == null) {
			chain.doFilter(request, response);
			return;
		}
		boolean gzip = answer.gzip() != null && HttpCaching.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		String etag = gzip ? answer.gzipEtag() : answer.etag();
		response.setHeader(HttpHeaders.VARY, PublicHttpPolicy.feedVary(answer.gzip() != null));
		if (request.getHeader(HttpHeaders.ORIGIN) != null) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
			response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.PUBLIC);
		response.setHeader(FeedResponses.REVISION_HEADER, answer.revision());
		if (answer.digest() != null) {
			response.setHeader(FeedResponses.DIGEST_HEADER, answer.digest());
		}
		if (answer.lastModified() != null) {
			response.setHeader(HttpHeaders.LAST_MODIFIED, answer.lastModified());
		}
		response.setHeader(HttpHeaders.ETAG, etag);
		if (answer.test()) {
			response.setHeader(FeedResponses.TEST_HEADER, "true");
		}
		// the headers Spring Security writes on the controllers' answers
		PublicHttpPolicy.API_HEADERS.forEach(response::setHeader);
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			timer(request.getRequestURI(), true).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return;
		}
		response.setContentType("application/json");
		byte[] body = gzip ? answer.gzip() : answer.body();
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		timer(request.getRequestURI(), false).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	/**
	 * The {@code http.server.requests} timer of a fast answer: the meter the observation
	 * filter would have counted it in (the same name and tags, so one meter either way).
	 */
	private Timer timer(String path, boolean notModified) {
		int pattern = pattern(path);
		int at = pattern * 2 + (notModified ? 1 : 0);
		Timer timer = this.timers[at];
		if (timer == null) {
			timer = Timer.builder("http.server.requests")
				.tags("error", "none", "exception", "none", "method", "GET", "outcome",
						notModified ? "REDIRECTION" : "SUCCESS", "status", notModified ? "304" : "200", "uri",
						PATTERNS[pattern])
				.register(this.meters);
			this.timers[at] = timer;
		}
		return timer;
	}

	/**
	 * The index in {@link #PATTERNS} of the controllers' pattern for a path answered here
	 * (the {@code uri} tag of the metrics).
	 */
	private static int pattern(String path) {
		int slashes = 0;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				slashes++;
			}
		}
		return switch (slashes) {
			case 4 -> 0;
			case 5 -> 1;
			default -> 2;
		};
	}

	/** The prepared answer for the path, or null when the chain should answer. */
	private Answer answer(String path) {
		if (!path.startsWith(PREFIX) || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
			return null;
		}
		String[] parts = path.substring(PREFIX.length()).split("/", -1);
		try {
			if (this.bodies.current(parts[0]).election().embargoed(Instant.now())) {
				// the embargo (org.tally.system.EmbargoFilter) decides who sees what
				return null;
			}
			if (parts.length == 1 && !parts[0].isEmpty()) {
				ElectionResults found = this.bodies.current(parts[0]);
				return found.rendered(FeedView.ELECTION_ANSWER, () -> answer(found, this.bodies.election(found), null));
			}
			if (parts.length == 2 && "contests".equals(parts[1])) {
				ElectionResults found = this.bodies.current(parts[0]);
				return found.rendered(FeedView.CONTESTS_ANSWER,
						() -> answer(found, this.bodies.contests(found, null, null), null));
			}
			if (parts.length == 3 && "contests".equals(parts[1])) {
				ElectionResults found = this.bodies.current(parts[0]);
				ContestResult contest = found.contest(parts[2]).orElse(null);
				return (contest != null)
						? found.rendered(contest.slug(), FeedView.CONTEST_ANSWER, () -> answer(found,
								this.bodies.contest(found, contest, FeedBodies.Level.NONE), contest.lastUpdated()))
						: null;
			}
		}
		catch (RuntimeException ex) {
			// not found or failing: the controllers answer with a problem detail
		}
		return null;
	}

	private static Answer answer(ElectionResults found, Rendered body, Instant lastModified) {
		Instant modified = (lastModified != null) ? lastModified : found.election().lastUpdated();
		return new Answer(body.body(), body.etag(), body.gzip(), body.gzipEtag(), Long.toString(found.revision()),
				(modified != null) ? HttpCaching.httpDate(modified) : null, found.election().test(), found.digest());
	}

	/**
	 * Whether an If-None-Match header matches the tag (weak comparison, as RFC 9110
	 * asks).
	 */
	static boolean matches(String ifNoneMatch, String etag) {
		return HttpCaching.matches(ifNoneMatch, etag);
	}

	private record Answer(byte[] body, String etag, byte[] gzip, String gzipEtag, String revision, String lastModified,
			boolean test, String digest) {
	}

}

package org.tally.system;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ElectionState;
import org.tally.results.Embargo;
import org.tally.results.ResultsService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The embargo (docs/contract.md §7), in one place for every public surface of an election
 * ({@link PublicHttpPolicy#surface}): the feed and its exports under
 * {@code /api/v1/elections/{e}/}, the pages under {@code /elections/{e}/} and the embeds
 * under {@code /embed/elections/{e}/}. While the election is
 * {@linkplain ElectionState#embargoed(Instant) embargoed}:
 * <ul>
 * <li>staff (signed in, HTTP Basic or an API token) get every answer as usual, marked
 * {@link #PREVIEW} and {@code Cache-Control: private, no-store} whatever the handler
 * sets, so no shared cache keeps it;</li>
 * <li>anyone else gets the election without counts: the election's JSON, its
 * {@code /revision} and its {@code /events} (which send no revision until the results
 * open) answer with the request marked {@link #WITHHELD}; every page forwards to the
 * embargo page; every other read of the feed, present or future ({@code results.csv},
 * {@code cdf.json}, {@code cdf.xml}, history, rounds, revisions, projections...), answers
 * 403 problem+json "Results after 8:00 PM EST". Those answers are public but kept no
 * longer than the embargo lasts.</li>
 * </ul>
 * It runs after Spring Security (to know who asks) and before the pages kept in memory;
 * the feed's fast path, which runs before both, leaves embargoed elections to it.
 */
public class EmbargoFilter extends OncePerRequestFilter {

	/** Request attribute: the embargoed {@link ElectionState} a staff member previews. */
	public static final String PREVIEW = EmbargoFilter.class.getName() + ".preview";

	/** Request attribute: the embargoed {@link ElectionState} shown without counts. */
	public static final String WITHHELD = EmbargoFilter.class.getName() + ".withheld";

	/** Request attribute of a forwarded page: the contest's slug, or absent. */
	public static final String CONTEST = EmbargoFilter.class.getName() + ".contest";

	/** Request attribute of a forwarded page: {@code true} for an embed. */
	public static final String EMBED = EmbargoFilter.class.getName() + ".embed";

	/** Where pages of an embargoed election are forwarded for readers. */
	public static final String PAGE = "/embargoed";

	private static final String API = PublicHttpPolicy.FEED;

	private static final String EMBEDS = PublicHttpPolicy.EMBEDS;

	private final ResultsService results;

	private final JsonMapper json;

	public EmbargoFilter(ResultsService results, JsonMapper json) {
		this.results = results;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String prefix = PublicHttpPolicy.surface(path);
		boolean read = PublicHttpPolicy.read(request.getMethod());
		ElectionState election = (prefix != null && read) ? embargoed(path.substring(prefix.length())) : null;
		if (election == null) {
			chain.doFilter(request, response);
			return;
		}
		if (isStaff()) {
			request.setAttribute(PREVIEW, election);
			chain.doFilter(request, new FixedCacheControl(response, PublicHttpPolicy.PRIVATE));
			return;
		}
		request.setAttribute(WITHHELD, election);
		String cache = PublicHttpPolicy.embargoed(Embargo.secondsLeft(election, Instant.now()));
		String[] rest = path.substring(prefix.length()).split("/", -1);
		if (prefix == API) {
			boolean shown = rest.length == 1
					|| (rest.length == 2 && ("revision".equals(rest[1]) || "events".equals(rest[1])));
			if (shown) {
				chain.doFilter(request, new FixedCacheControl(response, cache));
			}
			else {
				refuse(response, election, cache);
			}
			return;
		}
		// a page: the election, a contest, an embed or a fragment, without counts
		if (rest.length >= 3 && "contests".equals(rest[1]) && !rest[2].isEmpty()) {
			request.setAttribute(CONTEST, rest[2]);
		}
		request.setAttribute(EMBED, prefix == EMBEDS);
		request.getRequestDispatcher(PAGE).forward(request, new FixedCacheControl(response, cache));
	}

	/** The election named first in the rest of the path when it is embargoed now. */
	private ElectionState embargoed(String rest) {
		int slash = rest.indexOf('/');
		String slug = (slash >= 0) ? rest.substring(0, slash) : rest;
		if (slug.isEmpty() || slug.indexOf('%') >= 0 || slug.indexOf(';') >= 0) {
			return null;
		}
		try {
			ElectionState election = this.results.current(slug);
			return election.embargoed(Instant.now()) ? election : null;
		}
		catch (RuntimeException ex) {
			// unknown, or the database away: the handlers answer as usual (404, 503)
			return null;
		}
	}

	/** Whether a staff account or an API token asks (hasAnyRole STAFF, ADMIN). */
	public static boolean isStaff() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if ("ROLE_STAFF".equals(authority.getAuthority()) || "ROLE_ADMIN".equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private void refuse(HttpServletResponse response, ElectionState election, String cache) throws IOException {
		Refusal problem = new Refusal("about:blank", "Forbidden", HttpServletResponse.SC_FORBIDDEN,
				Embargo.resultsAfter(election) + ": the counts of " + election.slug() + " are not published yet",
				election.publishAfter().toString(), Embargo.resultsAfter(election));
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setHeader(HttpHeaders.CACHE_CONTROL, cache);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = this.json.writeValueAsBytes(problem);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * The problem (RFC 9457) of an embargoed read, with the embargo's end.
	 */
	record Refusal(String type, String title, int status, String detail, String publishAfter, String resultsAfter) {
	}

	/**
	 * A response whose {@code Cache-Control} is fixed: what the handler sets is ignored,
	 * so no handler, present or future, can make an embargoed answer shareable.
	 */
	static final class FixedCacheControl extends HttpServletResponseWrapper {

		FixedCacheControl(HttpServletResponse response, String value) {
			super(response);
			response.setHeader(HttpHeaders.CACHE_CONTROL, value);
		}

		@Override
		public void setHeader(String name, String value) {
			if (!fixed(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!fixed(name)) {
				super.addHeader(name, value);
			}
		}

		@Override
		public void setDateHeader(String name, long date) {
			if (!fixed(name)) {
				super.setDateHeader(name, date);
			}
		}

		@Override
		public void addDateHeader(String name, long date) {
			if (!fixed(name)) {
				super.addDateHeader(name, date);
			}
		}

		@Override
		public void reset() {
			String value = getHeader(HttpHeaders.CACHE_CONTROL);
			super.reset();
			super.setHeader(HttpHeaders.CACHE_CONTROL, value);
		}

		private static boolean fixed(String name) {
			return HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || HttpHeaders.EXPIRES.equalsIgnoreCase(name);
		}

	}

}

package org.tally.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the plain election and contest pages ({@code /elections/{e}} and
 * {@code /elections/{e}/contests/{c}}, no query) from memory: each is rendered once per
 * revision of the election, language and host, and kept beside the election's results
 * until the next revision replaces them, plain and gzipped, with a strong ETag (304 on
 * {@code If-None-Match}) and a short public {@code max-age}. Filtered, searched, sorted
 * and paged variants render per request. It runs after Spring Security, so cached pages
 * carry the same security headers as rendered ones.
 */
class RenderedPages extends OncePerRequestFilter {

	/** Host names kept per revision (the embed snippet carries the site's URL). */
	static final int MAX_HOSTS = 4;

	private final ResultsService results;

	private final PageLanguages languages;

	RenderedPages(ResultsService results, PageLanguages languages) {
		this.results = results;
		this.languages = languages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String election = cacheable(request);
		ElectionResults current = (election != null) ? current(election) : null;
		if (current == null || this.results.delayed() || !knownContest(current, request.getRequestURI())) {
			// while the database is out of reach the page says results may be delayed:
			// rendered per request (from the results in memory), and not kept
			chain.doFilter(request, response);
			return;
		}
		// these pages carry the revision's ETag; the bytes' ETag filter keeps off them
		ShallowEtagHeaderFilter.disableContentCaching(request);
		String host = request.getServerName() + ":" + request.getServerPort();
		Set<String> hosts = current.page(List.of("hosts"), ConcurrentHashMap::newKeySet);
		if (!hosts.contains(host)) {
			if (hosts.size() >= MAX_HOSTS) {
				// a Host header made up per request must not fill the memory with copies
				chain.doFilter(request, response);
				return;
			}
			hosts.add(host);
		}
		String language = this.languages.of(request);
		AtomicReference<RenderedPage> cell = current.page(List.of(request.getRequestURI(), language, host),
				AtomicReference::new);
		RenderedPage page = cell.get();
		if (page != null) {
			response.setContentType(page.contentType());
			if (page.contentLanguage() != null) {
				response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
			}
			page.write(request, response, this.languages.vary());
			return;
		}
		ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, rendering);
		String type = rendering.getContentType();
		if (rendering.getStatus() != HttpServletResponse.SC_OK || type == null || !type.startsWith("text/html")
				|| rendering.containsHeader(HttpHeaders.SET_COOKIE)) {
			rendering.copyBodyToResponse();
			return;
		}
		page = RenderedPage.of(current.revision(), language, rendering.getContentAsByteArray(), type,
				response.getHeader(HttpHeaders.CONTENT_LANGUAGE));
		cell.compareAndSet(null, page);
		page.write(request, response, this.languages.vary());
	}

	/**
	 * The election's slug when the request asks for a page served from memory, else null.
	 */
	static String cacheable(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return null;
		}
		String path = request.getRequestURI();
		if (request.getQueryString() != null || !request.getContextPath().isEmpty() || !path.startsWith("/elections/")
				|| path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
			return null;
		}
		String[] parts = path.substring("/elections/".length()).split("/", -1);
		boolean election = parts.length == 1;
		boolean contest = parts.length == 3 && "contests".equals(parts[1]) && !parts[2].isEmpty();
		return ((election || contest) && !parts[0].isEmpty()) ? parts[0] : null;
	}

	/** Whether the path names the election or one of its contests (no made-up keys). */
	private static boolean knownContest(ElectionResults current, String path) {
		String[] parts = path.substring("/elections/".length()).split("/", -1);
		return parts.length == 1 || current.contest(parts[2]).isPresent();
	}

	private ElectionResults current(String election) {
		try {
			return this.results.results(this.results.current(election));
		}
		catch (RuntimeException ex) {
			// an unknown election: the controllers answer with the 404 page
			return null;
		}
	}

}

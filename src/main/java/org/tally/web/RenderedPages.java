package org.tally.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.system.EmbargoFilter;
import org.tally.system.ReaderQueries;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the plain election and contest pages ({@code /elections/{e}} and
 * {@code /elections/{e}/contests/{c}}, no query) from memory: each is rendered once per
 * revision of the election and language, and kept beside the election's results until the
 * next revision replaces them, plain and gzipped, with a strong ETag (304 on
 * {@code If-None-Match}) and a short public {@code max-age} ({@link PublicHttpPolicy}:
 * the feed's fast path and the controllers read the same policy). Filtered, searched,
 * sorted and paged variants render per request; query parameters no page reads are
 * ignored ({@link ReaderQueries}). Only the site's own host names ({@link PublicSite})
 * are served from memory: a page asked for under any other {@code Host} renders per
 * request and takes no slot. It runs after Spring Security, so cached pages carry the
 * same security headers as rendered ones.
 */
class RenderedPages extends OncePerRequestFilter {

	private final ResultsService results;

	private final PageLanguages languages;

	private final PublicSite site;

	RenderedPages(ResultsService results, PageLanguages languages, PublicSite site) {
		this.results = results;
		this.languages = languages;
		this.site = site;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest asked, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (asked.getAttribute(EmbargoFilter.PREVIEW) != null || asked.getAttribute(EmbargoFilter.WITHHELD) != null) {
			// an embargoed election (docs/contract.md §7): a staff preview is never kept
			chain.doFilter(asked, response);
			return;
		}
		String election = cacheable(asked);
		ElectionResults current = (election != null && this.site.cachedHost(asked)) ? current(election) : null;
		if (current == null || this.results.delayed() || !knownContest(current, asked.getRequestURI())) {
			// while the database is out of reach the page says results may be delayed:
			// rendered per request (from the results in memory), and not kept; a Host
			// that is not the site's gets the page rendered for it, never a slot
			chain.doFilter(asked, response);
			return;
		}
		// parameters no page reads (utm_*, fbclid, x): the canonical page, as if absent
		HttpServletRequest request = ReaderQueries.withoutQuery(asked);
		// these pages carry the revision's ETag; the bytes' ETag filter keeps off them
		ShallowEtagHeaderFilter.disableContentCaching(request);
		String language = this.languages.of(request);
		AtomicReference<RenderedPage> cell = current.page(List.of(request.getRequestURI(), language),
				AtomicReference::new);
		RenderedPage page = cell.get();
		if (page != null) {
			response.setContentType(page.contentType());
			if (page.contentLanguage() != null) {
				response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
			}
			page.write(request, response);
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
		// Tomcat keeps the view's locale apart from the headers until it writes them
		String contentLanguage = response.getHeader(HttpHeaders.CONTENT_LANGUAGE);
		page = RenderedPage.of(current.revision(), language, rendering.getContentAsByteArray(), type,
				(contentLanguage != null) ? contentLanguage : response.getLocale().toLanguageTag());
		cell.compareAndSet(null, page);
		page.write(request, response);
	}

	/**
	 * The election's slug when the request asks for a page served from memory, else null.
	 */
	static String cacheable(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return null;
		}
		String path = request.getRequestURI();
		if (!ReaderQueries.canonical(request) || !request.getContextPath().isEmpty()
				|| !path.startsWith(PublicHttpPolicy.PAGES) || path.indexOf('%') >= 0 || path.indexOf(';') >= 0) {
			return null;
		}
		String[] parts = path.substring(PublicHttpPolicy.PAGES.length()).split("/", -1);
		boolean election = parts.length == 1;
		boolean contest = parts.length == 3 && "contests".equals(parts[1]) && !parts[2].isEmpty();
		return ((election || contest) && !parts[0].isEmpty()) ? parts[0] : null;
	}

	/** Whether the path names the election or one of its contests (no made-up keys). */
	private static boolean knownContest(ElectionResults current, String path) {
		String[] parts = path.substring(PublicHttpPolicy.PAGES.length()).split("/", -1);
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

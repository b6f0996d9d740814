package org.tally.system;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The query parameters public reads understand. Any other ({@code utm_*}, {@code fbclid},
 * a random {@code x}) is ignored: a read carrying only such parameters is answered as the
 * canonical URL, from the same cached bytes with the same ETag, so made-up query strings
 * neither bypass the caches nor fill them (docs/security.md, "Caches"). The shipped
 * nginx's cache key ({@code deploy/nginx.conf}) names the same parameters.
 */
public final class ReaderQueries {

	/** Every query parameter a public page, the embed or the JSON feed reads. */
	public static final Set<String> KNOWN = Set.of("office", "q", "since", "level", "revision", "page", "sort", "dir",
			"lang");

	private ReaderQueries() {
	}

	/** Whether the request has no query, or only parameters no reader understands. */
	public static boolean canonical(HttpServletRequest request) {
		if (request.getQueryString() == null) {
			return true;
		}
		for (String name : request.getParameterMap().keySet()) {
			if (KNOWN.contains(name)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The request as if its query were absent, so that nothing rendered for it (a
	 * language link, say) can carry a stranger's parameters into a cached page.
	 */
	public static HttpServletRequest withoutQuery(HttpServletRequest request) {
		if (request.getQueryString() == null) {
			return request;
		}
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getQueryString() {
				return null;
			}

			@Override
			public String getParameter(String name) {
				return null;
			}

			@Override
			public Map<String, String[]> getParameterMap() {
				return Map.of();
			}

			@Override
			public Enumeration<String> getParameterNames() {
				return Collections.emptyEnumeration();
			}

			@Override
			public String[] getParameterValues(String name) {
				return null;
			}

		};
	}

}

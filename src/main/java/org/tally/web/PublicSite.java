package org.tally.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the public site lives, from configuration only, never from a request: absolute
 * URLs (the embed snippet) start with {@code tally.public-url} (relative without it), and
 * only the host names in {@code tally.cached-hosts} (localhost, 127.0.0.1, [::1] by
 * default) plus the public URL's host get pages kept in memory. A made-up {@code Host} or
 * {@code X-Forwarded-Host} header changes nothing a reader gets (docs/security.md, "Host
 * headers and absolute URLs").
 */
@Component
public class PublicSite {

	private final String base;

	private final Set<String> cachedHosts;

	PublicSite(@Value("${tally.public-url:}") String publicUrl,
			@Value("${tally.cached-hosts:localhost,127.0.0.1,[::1]}") List<String> cachedHosts) {
		this.base = base(publicUrl);
		this.cachedHosts = cachedHosts.stream()
			.map(String::strip)
			.filter((host) -> !host.isEmpty())
			.map(PublicSite::lower)
			.collect(Collectors.toCollection(java.util.HashSet::new));
		if (!this.base.isEmpty()) {
			this.cachedHosts.add(lower(URI.create(this.base).getHost()));
		}
	}

	/**
	 * The path made absolute with the configured public URL, or the path itself (relative
	 * to the page's site) when none is configured.
	 */
	public String url(String path) {
		return this.base + path;
	}

	/**
	 * Whether pages asked for under this request's host name may be kept and served from
	 * memory (the host as Tomcat resolved it, from {@code Host}, an absolute-form request
	 * line or a trusted proxy's {@code X-Forwarded-Host}).
	 */
	public boolean cachedHost(HttpServletRequest request) {
		String host = request.getServerName();
		return host != null && this.cachedHosts.contains(lower(host));
	}

	private static String base(String publicUrl) {
		if (publicUrl == null || publicUrl.isBlank()) {
			return "";
		}
		URI uri = URI.create(publicUrl.strip());
		if (uri.getScheme() == null || uri.getHost() == null
				|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new IllegalArgumentException("tally.public-url must be an absolute http(s) URL: " + publicUrl);
		}
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

	private static String lower(String host) {
		return host.toLowerCase(Locale.ROOT);
	}

}

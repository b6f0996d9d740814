package org.tally.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages pages are written in, and the one a request gets: part of the key of a
 * page kept in memory ({@link RenderedPages}), so each language is rendered once per
 * revision. English only so far; a language is added to {@link #SUPPORTED}, and the
 * {@link LocaleResolver} decides which a request reads.
 */
class PageLanguages {

	static final List<String> SUPPORTED = List.of("en");

	private final LocaleResolver locales;

	PageLanguages(LocaleResolver locales) {
		this.locales = locales;
	}

	/** The request's language among {@link #SUPPORTED}, else the first of them. */
	String of(HttpServletRequest request) {
		if (SUPPORTED.size() == 1) {
			return SUPPORTED.get(0);
		}
		Locale locale = this.locales.resolveLocale(request);
		String language = (locale != null) ? locale.getLanguage() : "";
		return SUPPORTED.contains(language) ? language : SUPPORTED.get(0);
	}

	/** What a page served from memory varies by. */
	String vary() {
		return (SUPPORTED.size() == 1) ? "Accept-Encoding" : "Accept-Encoding, Accept-Language";
	}

}

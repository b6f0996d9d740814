package org.tally.web;

import jakarta.servlet.http.HttpServletRequest;

import org.tally.results.ReaderLanguages;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a request's page is written in, as part of the key of a page kept in
 * memory ({@link RenderedPages}), so each language is rendered once per revision. The
 * {@link LocaleResolver} ({@link ReaderLocale}) decides, among the configured languages
 * only, so the keys stay bounded.
 */
class PageLanguages {

	private final LocaleResolver locales;

	PageLanguages(LocaleResolver locales) {
		this.locales = locales;
	}

	/** The request's language code ("en", "es"), one of the configured languages. */
	String of(HttpServletRequest request) {
		return ReaderLanguages.code(this.locales.resolveLocale(request));
	}

}

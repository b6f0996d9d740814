package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.DatabaseOutages;
import org.tally.kernel.ElectionNotFoundException;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ElectionStates;
import org.tally.results.ReaderLanguages;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring's {@link LocaleResolver} for Tally: the language of a public page comes from
 * {@code ?lang=}, else the browser's {@code Accept-Language}, else the election's default
 * language (for pages under {@code /elections/{e}} and {@code /embed/elections/{e}}),
 * else the first of {@code tally.languages} ({@link ReaderLanguages#resolve}), on the
 * reader's pages ({@link PublicHttpPolicy#readerPage}). Staff pages, the API and anything
 * else are always in the fallback language (English). Resolved once per request; other
 * code gets it the usual way ({@code LocaleContextHolder.getLocale()}, a {@code Locale}
 * controller argument, or {@link #of(HttpServletRequest)}).
 */
@Component("localeResolver")
public class ReaderLocale implements LocaleResolver {

	/** The query parameter that names the language. */
	public static final String PARAMETER = ReaderFormat.LANGUAGE_PARAMETER;

	private static final String ATTRIBUTE = ReaderLocale.class.getName() + ".locale";

	private static final Pattern ELECTION_PATH = Pattern.compile("^(?:" + Pattern.quote(PublicHttpPolicy.EMBEDS) + "|"
			+ Pattern.quote(PublicHttpPolicy.PAGES) + ")([^/?#;]+)");

	private final ReaderLanguages languages;

	private final ElectionStates elections;

	ReaderLocale(ReaderLanguages languages, ElectionStates elections) {
		this.languages = languages;
		this.elections = elections;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Object resolved = request.getAttribute(ATTRIBUTE);
		if (resolved instanceof Locale locale) {
			return locale;
		}
		Locale locale = PublicHttpPolicy.readerPage(path(request))
				? this.languages.resolve(request.getParameter(PARAMETER),
						request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), electionLanguage(path(request)))
				: this.languages.fallback();
		request.setAttribute(ATTRIBUTE, locale);
		return locale;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		request.setAttribute(ATTRIBUTE, (locale != null)
				? this.languages.forTag(locale.toLanguageTag()).orElse(this.languages.fallback()) : null);
	}

	/** The request's language, resolved as for its page. */
	public Locale of(HttpServletRequest request) {
		return resolveLocale(request);
	}

	/**
	 * Whether the language of this request's page comes from the URL alone: a
	 * {@code ?lang=} Tally has. Otherwise the answer depends on {@code Accept-Language}
	 * (and says so in {@code Vary}).
	 */
	public boolean fromUrl(HttpServletRequest request) {
		return this.languages.supports(request.getParameter(PARAMETER));
	}

	/**
	 * The page's path; on an error dispatch, the path that failed; on a forward (the
	 * embargo page, org.tally.system.EmbargoFilter), the path asked.
	 */
	static String path(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
		String uri = (failed instanceof String original) ? original
				: (forwarded instanceof String asked) ? asked : request.getRequestURI();
		String context = request.getContextPath();
		return (!context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
	}

	private String electionLanguage(String path) {
		Matcher matcher = ELECTION_PATH.matcher(path);
		if (!matcher.find()) {
			return null;
		}
		// from the read model's memory, so readers get their page while the database is
		// out of reach; an election not held there then gets the default language (its
		// error page included, which must not fail on the same outage)
		try {
			return this.elections.current(matcher.group(1)).language();
		}
		catch (ElectionNotFoundException ex) {
			return null;
		}
		catch (RuntimeException ex) {
			if (DatabaseOutages.isCause(ex)) {
				return null;
			}
			throw ex;
		}
	}

}

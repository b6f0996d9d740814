package org.tally.results;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The languages the public pages speak, as configured in {@code tally.languages} (a list
 * of locales such as {@code en-US,es-US}; the first is the fallback). Each configured
 * locale is the one its pages are formatted in: any variant a reader asks for
 * ({@code es}, {@code es-MX}, {@code es-ES}) is answered with the configured one
 * ({@code es-US}). A language's short code in URLs ({@code ?lang=es}) is its language
 * subtag, plus its script where it has one ({@code zh-Hant}). Kept beside the results
 * because the pages and the staff (an election's default language) both need it.
 */
@Component
public class ReaderLanguages {

	private final List<Locale> locales;

	ReaderLanguages(@Value("${tally.languages:en-US,es-US}") List<String> tags) {
		List<Locale> parsed = new ArrayList<>();
		for (String tag : tags) {
			Locale locale = Locale.forLanguageTag(tag.strip());
			if (locale.getLanguage().isEmpty()) {
				throw new IllegalArgumentException("tally.languages: '" + tag + "' is not a language tag");
			}
			parsed.add(locale);
		}
		if (parsed.isEmpty()) {
			throw new IllegalArgumentException("tally.languages: at least one language");
		}
		this.locales = List.copyOf(parsed);
	}

	/** The configured locales, the fallback first. */
	public List<Locale> locales() {
		return this.locales;
	}

	/** The locale used when nothing else decides. */
	public Locale fallback() {
		return this.locales.get(0);
	}

	/** The short code of a locale in URLs and settings: "es", "zh-Hant". */
	public static String code(Locale locale) {
		return locale.getScript().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "-" + locale.getScript();
	}

	/** Whether {@code code} names a configured language ("es", also "es-MX"). */
	public boolean supports(String code) {
		return forTag(code).isPresent();
	}

	/**
	 * The configured locale for a language tag or code ("es", "es-MX", "ES", "es_MX"), or
	 * empty when Tally has no page in that language.
	 */
	public Optional<Locale> forTag(String tag) {
		if (tag == null || tag.isBlank() || tag.strip().equals("*")) {
			return Optional.empty();
		}
		Locale wanted;
		try {
			wanted = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
		}
		catch (IllformedLocaleException ex) {
			return Optional.empty();
		}
		Locale sameLanguage = null;
		for (Locale locale : this.locales) {
			if (!locale.getLanguage().equals(wanted.getLanguage())) {
				continue;
			}
			if (locale.getScript().equals(wanted.getScript())) {
				return Optional.of(locale);
			}
			if (sameLanguage == null) {
				sameLanguage = locale;
			}
		}
		return Optional.ofNullable(sameLanguage);
	}

	/**
	 * The configured locale a browser's {@code Accept-Language} prefers most, or empty
	 * when it asks for none of them (or sends nothing, or only "*").
	 */
	public Optional<Locale> fromAcceptLanguage(String header) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(header);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() <= 0) {
				continue;
			}
			Optional<Locale> found = forTag(range.getRange());
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/**
	 * The language a page speaks: {@code ?lang=} when Tally has it, else the browser's
	 * {@code Accept-Language}, else the election's default language, else the fallback.
	 * @param lang the {@code lang} query parameter, or {@code null}
	 * @param acceptLanguage the {@code Accept-Language} header, or {@code null}
	 * @param electionDefault the election's language, or {@code null} (no election, or a
	 * language not configured)
	 */
	public Locale resolve(String lang, String acceptLanguage, String electionDefault) {
		return forTag(lang).or(() -> fromAcceptLanguage(acceptLanguage))
			.or(() -> forTag(electionDefault))
			.orElse(fallback());
	}

}

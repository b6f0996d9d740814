package org.tally.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ReaderLanguages;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every public page (and error page) needs to speak the reader's language: the
 * language's code for links ({@code lang}), the {@code <html lang>} tag
 * ({@code htmlLang}) and the language switch ({@code languages}): this page's address in
 * every configured language, named in that language.
 */
@ControllerAdvice(basePackageClasses = LanguageSwitch.class, assignableTypes = ErrorController.class)
class LanguageSwitch {

	private final ReaderLanguages languages;

	private final MessageSource messages;

	LanguageSwitch(ReaderLanguages languages, MessageSource messages) {
		this.languages = languages;
		this.messages = messages;
	}

	/**
	 * The same attributes, for handlers that get no model attributes (exception
	 * handlers).
	 */
	void addTo(Model model, Locale locale, HttpServletRequest request) {
		model.addAttribute("lang", lang(locale));
		model.addAttribute("htmlLang", htmlLang(locale));
		model.addAttribute("languages", languages(locale, request));
	}

	@ModelAttribute("lang")
	String lang(Locale locale) {
		return ReaderLanguages.code(locale);
	}

	@ModelAttribute("htmlLang")
	String htmlLang(Locale locale) {
		return locale.toLanguageTag();
	}

	@ModelAttribute("languages")
	List<Language> languages(Locale locale, HttpServletRequest request) {
		String path = ReaderLocale.path(request);
		if (!PublicHttpPolicy.readerPage(path)) {
			return List.of();
		}
		boolean error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null;
		List<Language> links = new ArrayList<>();
		for (Locale each : this.languages.locales()) {
			String code = ReaderLanguages.code(each);
			String href = UriComponentsBuilder.fromPath(request.getContextPath() + path)
				.query(error ? null : request.getQueryString())
				.replaceQueryParam(ReaderLocale.PARAMETER, code)
				.build()
				.toUriString();
			links.add(new Language(code, each.toLanguageTag(), this.messages.getMessage("language.name", null, each),
					href, each.equals(locale)));
		}
		return links;
	}

	/**
	 * One entry of the language switch.
	 *
	 * @param code the code in URLs ("es")
	 * @param tag the language tag for {@code lang} and {@code hreflang} ("es-US")
	 * @param name the language's name in itself ("Español")
	 * @param href this page in that language
	 * @param current whether the page is in that language
	 */
	record Language(String code, String tag, String name, String href, boolean current) {
	}

}

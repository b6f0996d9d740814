package org.tally.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.ElectionNotFoundException;

import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An unknown election or contest on a page is a plain 404 page, not a stack trace.
 */
@Order(0) // before the API's catch-all advice (system.ApiExceptionHandler)
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

	private final LanguageSwitch languages;

	PageErrors(LanguageSwitch languages) {
		this.languages = languages;
	}

	@ExceptionHandler({ ElectionNotFoundException.class, ContestNotFoundException.class })
	String notFound(RuntimeException ex, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		this.languages.addTo(model, locale, request);
		model.addAttribute("path", ReaderLocale.path(request));
		return "error/404";
	}

}

package org.tally.web;

import jakarta.servlet.http.HttpServletResponse;

import org.tally.results.ContestNotFoundException;
import org.tally.results.ElectionNotFoundException;

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

	@ExceptionHandler({ ElectionNotFoundException.class, ContestNotFoundException.class })
	String notFound(RuntimeException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("message", ex.getMessage());
		return "error/404";
	}

}

package org.tally.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.tally.results.ContestNotFoundException;
import org.tally.results.ElectionNotFoundException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A public page about an election or contest that does not exist (a typo, a made-up or
 * hostile slug) is a 404 page, never a 500.
 */
@ControllerAdvice(basePackages = "org.tally.web")
class PageNotFoundAdvice {

	@ExceptionHandler({ ElectionNotFoundException.class, ContestNotFoundException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}

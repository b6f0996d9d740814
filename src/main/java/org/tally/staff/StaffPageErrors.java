package org.tally.staff;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.ElectionNotFoundException;

import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A staff page about an election or contest that does not exist is a 404 page, rendered
 * by the application's error view.
 */
@Order(0) // before the API's catch-all advice (system.ApiExceptionHandler)
@ControllerAdvice(assignableTypes = { StaffHomePageController.class, ContestDeskPageController.class,
		StaffAdminPageController.class })
class StaffPageErrors {

	@ExceptionHandler({ ElectionNotFoundException.class, ContestNotFoundException.class, NotFoundException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}

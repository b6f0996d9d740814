package org.tally.staff;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.ElectionNotFoundException;
import org.tally.kernel.InvalidRequestException;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every staff form does: validate the submitted record, run the change, and come
 * back to the page with a message or the reasons it was refused (Post/Redirect/Get).
 */
@Component
class StaffPages {

	private final Validator validator;

	StaffPages(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Runs {@code change} when {@code form} is valid; flashes {@code done} or the
	 * problem, and answers the redirect to {@code page}.
	 */
	String submit(Object form, Supplier<String> change, RedirectAttributes flash, String page) {
		try {
			if (form != null) {
				Set<ConstraintViolation<Object>> violations = this.validator.validate(form);
				if (!violations.isEmpty()) {
					throw new InvalidRequestException(violations.stream()
						.map((v) -> v.getPropertyPath() + ": " + v.getMessage())
						.sorted()
						.collect(Collectors.joining("; ")));
				}
			}
			flash.addFlashAttribute("message", change.get());
		}
		catch (IllegalArgumentException | AccountChangeRefusedException | SetupConflictException
				| ElectionExistsException | NotFoundException | ContestNotFoundException
				| ElectionNotFoundException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:" + page;
	}

}

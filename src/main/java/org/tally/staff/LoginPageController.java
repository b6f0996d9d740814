package org.tally.staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff sign-in page; Spring Security handles the form's POST.
 */
@Controller
class LoginPageController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}

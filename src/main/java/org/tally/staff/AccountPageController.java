package org.tally.staff;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Your password: every staff member changes their own here, giving the current one. A
 * user whose password an admin set is sent here by {@link StaffSessionCheck} until done.
 */
@Controller
class AccountPageController {

	private final StaffUsers users;

	private final StaffUserRepository accounts;

	AccountPageController(StaffUsers users, StaffUserRepository accounts) {
		this.users = users;
		this.accounts = accounts;
	}

	@GetMapping(StaffSessionCheck.PASSWORD_PAGE)
	String page(Authentication authentication, Model model) {
		model.addAttribute("mustChange",
				this.accounts.findByUsername(authentication.getName())
					.map(StaffUser::isMustChangePassword)
					.orElse(false));
		return "staff/password";
	}

	@PostMapping(StaffSessionCheck.PASSWORD_PAGE)
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmation,
			Authentication authentication, HttpServletRequest request, RedirectAttributes flash) {
		if (!newPassword.equals(confirmation)) {
			flash.addFlashAttribute("error", "The new password and its confirmation differ");
			return "redirect:" + StaffSessionCheck.PASSWORD_PAGE;
		}
		if (newPassword.length() < 12 || newPassword.length() > 200) {
			flash.addFlashAttribute("error", "password: 12 to 200 characters");
			return "redirect:" + StaffSessionCheck.PASSWORD_PAGE;
		}
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> StaffRole.ADMIN.authority().equals(authority.getAuthority()));
		try {
			this.users.change(authentication.getName(), new UserChange(null, null, newPassword, null, currentPassword),
					new StaffUsers.Actor(authentication.getName(), admin, request.getRemoteAddr()));
		}
		catch (AccountChangeRefusedException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
			return "redirect:" + StaffSessionCheck.PASSWORD_PAGE;
		}
		flash.addFlashAttribute("message", "Your password is changed");
		return "redirect:/staff";
	}

}

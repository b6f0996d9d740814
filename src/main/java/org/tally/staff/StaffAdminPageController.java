package org.tally.staff;

import java.security.Principal;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.tally.results.ResultsService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages: staff accounts, API tokens (a new one is shown once) and the audit log.
 */
@Controller
class StaffAdminPageController {

	private final StaffUsers users;

	private final ApiTokens tokens;

	private final AuditEntries audit;

	private final StaffPages pages;

	private final ResultsService results;

	StaffAdminPageController(StaffUsers users, ApiTokens tokens, AuditEntries audit, StaffPages pages,
			ResultsService results) {
		this.users = users;
		this.tokens = tokens;
		this.audit = audit;
		this.pages = pages;
		this.results = results;
	}

	@GetMapping("/staff/users")
	String users(Model model) {
		model.addAttribute("users", this.users.list());
		return "staff/users";
	}

	@PostMapping("/staff/users")
	String createUser(UserRequest form, Principal principal, RedirectAttributes flash) {
		return this.pages.submit(form, () -> "Created " + this.users.create(form, principal.getName()).username(),
				flash, "/staff/users");
	}

	@PostMapping("/staff/users/{username}")
	String changeUser(@PathVariable String username, UserChange form, Principal principal, HttpServletRequest request,
			RedirectAttributes flash) {
		UserChange change = new UserChange(form.role(), form.enabled(),
				(form.password() == null || form.password().isEmpty()) ? null : form.password(), form.unlock(), null);
		return this.pages.submit(change, () -> {
			this.users.change(username, change,
					new StaffUsers.Actor(principal.getName(), true, request.getRemoteAddr()));
			return change.changesPassword() ? "Saved " + username + ": they choose a new password at next sign-in"
					: "Saved " + username;
		}, flash, "/staff/users");
	}

	@GetMapping("/staff/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", this.tokens.list());
		model.addAttribute("users", this.users.list());
		model.addAttribute("elections", this.results.elections());
		model.addAttribute("scopes", TokenScope.all());
		model.addAttribute("utc", ZoneOffset.UTC);
		return "staff/tokens";
	}

	@PostMapping("/staff/tokens")
	String createToken(@RequestParam String name, @RequestParam String username,
			@RequestParam(required = false) List<String> scopes, @RequestParam(required = false) String election,
			Principal principal, RedirectAttributes flash) {
		if (name.isBlank() || name.length() > 100) {
			flash.addFlashAttribute("error", "name: 1 to 100 characters");
			return "redirect:/staff/tokens";
		}
		if (scopes == null || scopes.isEmpty()) {
			flash.addFlashAttribute("error", "scopes: choose at least one of read, import, calls");
			return "redirect:/staff/tokens";
		}
		return this.pages.submit(null, () -> {
			flash.addFlashAttribute("newToken",
					this.tokens.create(username, name, scopes, election, principal.getName()));
			return "Token created";
		}, flash, "/staff/tokens");
	}

	@PostMapping("/staff/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, Principal principal, RedirectAttributes flash) {
		return this.pages.submit(null, () -> {
			this.tokens.revoke(id, principal.getName());
			return "Token " + id + " revoked";
		}, flash, "/staff/tokens");
	}

	@GetMapping("/staff/audit")
	String audit(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String action,
			@RequestParam(required = false) String user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		model.addAttribute("actions", AuditEntries.ACTIONS);
		model.addAttribute("utc", ZoneOffset.UTC);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("form", new AuditForm(action, user, from, to));
		AuditFilter filter;
		try {
			filter = AuditFilter.of(action, user, from, to);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("entries", List.of());
			model.addAttribute("hasNext", false);
			return "staff/audit";
		}
		List<AuditEntries.Entry> entries = this.audit.page(filter, page);
		model.addAttribute("entries", entries.subList(0, Math.min(entries.size(), AuditEntries.PAGE_SIZE)));
		model.addAttribute("hasNext", entries.size() > AuditEntries.PAGE_SIZE);
		model.addAttribute("filtered", filter.any());
		return "staff/audit";
	}

	/** The filter fields as typed, to fill the form and the pager's links again. */
	record AuditForm(String action, String user, String from, String to) {
	}

}

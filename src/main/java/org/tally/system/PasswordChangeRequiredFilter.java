package org.tally.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.staff.StaffUser;
import org.tally.staff.Usernames;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the API, a user signed in with a password an admin set may only read public data and
 * change that password ({@code PUT /api/v1/users/{me}} with {@code currentPassword}):
 * anything else is {@code 403} until they have. The pages do the same by sending them to
 * the password page (docs/security.md).
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null
				|| authentication.getAuthorities()
					.stream()
					.noneMatch((a) -> StaffUser.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()))
				|| allowed(request, authentication.getName())) {
			chain.doFilter(request, response);
			return;
		}
		ApiProblems.forbidden(request, response,
				"An admin set this account's password: change it first (PUT /api/v1/users/" + authentication.getName()
						+ " with currentPassword and password).");
	}

	private static boolean allowed(HttpServletRequest request, String username) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (PublicHttpPolicy.accounts(path)) {
			return "PUT".equals(request.getMethod()) && path.startsWith("/api/v1/users/")
					&& Usernames.canonical(path.substring("/api/v1/users/".length())).equals(username);
		}
		return PublicHttpPolicy.safe(request.getMethod());
	}

}

package org.tally.staff;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes an admin's change to an account count at once for sessions already open: on every
 * staff page request the account is read again, a disabled or deleted account is signed
 * out, and a changed role replaces the session's authorities. Staff pages are few, so one
 * small query per request is cheap.
 */
public class StaffSessionCheck extends OncePerRequestFilter {

	private final StaffUserRepository users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	public StaffSessionCheck(StaffUserRepository users) {
		this.users = users;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/staff") || path.startsWith("/staff/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (authentication != null && authentication.isAuthenticated() && session != null
				&& authentication instanceof UsernamePasswordAuthenticationToken) {
			Optional<StaffUser> user = this.users.findByUsername(authentication.getName());
			if (user.isEmpty() || !user.get().isEnabled()) {
				session.invalidate();
				this.contexts.clearContext();
			}
			else if (!hasRole(authentication, user.get().getRole())) {
				UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
						authentication.getPrincipal(), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + user.get().getRole())));
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(updated);
				this.contexts.setContext(context);
				session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean hasRole(Authentication authentication, String role) {
		return authentication.getAuthorities().size() == 1
				&& authentication.getAuthorities().iterator().next().getAuthority().equals("ROLE_" + role);
	}

}

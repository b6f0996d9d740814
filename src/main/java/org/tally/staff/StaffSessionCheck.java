package org.tally.staff;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes an admin's change to an account count at once for sessions already open: on every
 * staff page request the account is read again, a disabled or deleted account is signed
 * out, and a changed role replaces the session's authorities. A user whose password an
 * admin set is sent to {@value #PASSWORD_PAGE} until they choose their own. Staff pages
 * are few, so one small query per request is cheap.
 */
public class StaffSessionCheck extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/staff/password";

	private final StaffUserRepository users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	public StaffSessionCheck(StaffUserRepository users) {
		this.users = users;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
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
			else {
				refresh(authentication, user.get(), session);
				if (user.get().isMustChangePassword() && !PASSWORD_PAGE.equals(path(request))) {
					response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private void refresh(Authentication authentication, StaffUser user, HttpSession session) {
		Set<String> wanted = Set.of(StaffUserDetailsService.authorities(user));
		Set<String> held = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		if (held.equals(wanted)) {
			return;
		}
		UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
				authentication.getPrincipal(), null, wanted.stream().map(SimpleGrantedAuthority::new).toList());
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(updated);
		this.contexts.setContext(context);
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}

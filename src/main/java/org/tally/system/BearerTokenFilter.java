package org.tally.system;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tally.staff.ApiTokens;
import org.tally.staff.TokenScope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in from {@code Authorization: Bearer <token>}. An unknown or
 * revoked token is answered 401 at once rather than treated as anonymous, so a program
 * with a bad token learns it on its first request; a token without the scope a request
 * needs, or limited to another election, is answered 403 naming what it lacks
 * ({@link TokenScope}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokens.TokenHolder> holder = this.tokens.authenticate(header.substring(7).strip());
		if (holder.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
						+ "\"detail\":\"The API token is unknown or revoked\"}");
			return;
		}
		ApiTokens.TokenHolder found = holder.get();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Set<TokenScope> missing = EnumSet.noneOf(TokenScope.class);
		Optional<String> refusal = found.refusal(request.getMethod(), path, missing);
		if (refusal.isPresent()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"" + refusal.get()
						+ "\",\"missingScopes\":["
						+ missing.stream().map((s) -> "\"" + s.value() + "\"").collect(Collectors.joining(","))
						+ "],\"election\":" + ((found.election() != null) ? "\"" + found.election() + "\"" : "null")
						+ "}");
			return;
		}
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(found.username(), null, List.of(new SimpleGrantedAuthority("ROLE_" + found.role())));
		authentication.setDetails("token " + found.id() + " (" + found.name() + ")");
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(authentication);
		this.contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

}

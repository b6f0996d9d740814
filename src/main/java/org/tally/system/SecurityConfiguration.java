package org.tally.system;

import java.util.Map;

import org.tally.kernel.DatabaseOutages;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.staff.ApiTokens;
import org.tally.staff.SignInThrottle;
import org.tally.staff.StaffSessionCheck;
import org.tally.staff.StaffUserRepository;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads are public; writes need staff; managing people, tokens and the audit log needs an
 * admin. The API takes HTTP Basic or a Bearer API token, without sessions or CSRF; pages
 * use a form login with CSRF. See docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Pages may only be framed by Tally itself; {@code /embed/**} sets its own
	 * {@code frame-ancestors *} and is left alone.
	 */
	private static final RequestMatcher NOT_EMBED = new NegatedRequestMatcher(
			PathPatternRequestMatcher.pathPattern(PublicHttpPolicy.EMBED_PATTERN));

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Outside Spring Security, so that a token check or a user lookup that fails because
	 * PostgreSQL is away answers 503 too.
	 */
	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseOutageCheck outages) {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter(outages));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/**
	 * HTTP Basic's 401, except when the user could not be looked up because the database
	 * is away: then 503 with Retry-After, so nobody concludes the password is wrong.
	 */
	private static AuthenticationEntryPoint basicEntryPoint() {
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("Realm");
		return (request, response, ex) -> {
			if (DatabaseOutages.isCause(ex)) {
				ProblemResponses.databaseUnavailable(response);
				return;
			}
			basic.commence(request, response, ex);
		};
	}

	/** 401 problem, or 503 when the database could not be asked who is signing in. */
	private static AuthenticationEntryPoint apiEntryPoint() {
		AuthenticationEntryPoint unauthorized = ApiProblems.unauthorized();
		return (request, response, ex) -> {
			if (DatabaseOutages.isCause(ex)) {
				ProblemResponses.databaseUnavailable(response);
				return;
			}
			unauthorized.commence(request, response, ex);
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.PUT, "/api/v1/users/*")
				.hasAnyRole("STAFF", "ADMIN")
				.requestMatchers("/api/v1/users/**", "/api/v1/users", "/api/v1/tokens/**", "/api/v1/tokens",
						"/api/v1/audit/**", "/api/v1/audit")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.requestMatchers(HttpMethod.OPTIONS, "/api/**")
				.permitAll()
				.anyRequest()
				.hasAnyRole("STAFF", "ADMIN"))
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(), BasicAuthenticationFilter.class)
			.httpBasic((basic) -> basic.authenticationEntryPoint(apiEntryPoint()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(apiEntryPoint())
				.accessDeniedHandler(ApiProblems.forbidden()))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// the feed's fast path writes the same (PublicHttpPolicy.API_HEADERS)
			.headers((headers) -> headers.defaultsDisabled()
				.cacheControl(Customizer.withDefaults())
				.httpStrictTransportSecurity(Customizer.withDefaults())
				.addHeaderWriter(staticHeaders(PublicHttpPolicy.API_HEADERS)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, StaffUserRepository users, SignInThrottle throttle)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.requestMatchers("/staff/users/**", "/staff/users", "/staff/tokens/**", "/staff/tokens", "/staff/audit/**",
					"/staff/audit")
			.hasRole("ADMIN")
			.requestMatchers("/staff/**", "/staff")
			.hasAnyRole("STAFF", "ADMIN")
			.anyRequest()
			.permitAll())
			.addFilterBefore(new StaffSessionCheck(users), AuthorizationFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/staff")
				.failureHandler((request, response, ex) -> {
					if (DatabaseOutages.isCause(ex)) {
						ProblemResponses.databaseUnavailable(response);
						return;
					}
					response.sendRedirect(request.getContextPath() + "/login?error");
				}))
			.logout((logout) -> logout.logoutSuccessUrl("/"))
			.csrf((csrf) -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
			.requestCache((cache) -> cache.requestCache(new CookieRequestCache()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(basicEntryPoint()))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.defaultsDisabled()
				.cacheControl(Customizer.withDefaults())
				.httpStrictTransportSecurity(Customizer.withDefaults())
				.addHeaderWriter(staticHeaders(PublicHttpPolicy.PAGE_HEADERS))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(NOT_EMBED,
						staticHeaders(PublicHttpPolicy.FRAMED_BY_TALLY_ONLY))));
		return http.build();
	}

	/** Writes the policy's headers (each unless the answer set it already). */
	private static StaticHeadersWriter staticHeaders(Map<String, String> headers) {
		return new StaticHeadersWriter(
				headers.entrySet().stream().map((header) -> new Header(header.getKey(), header.getValue())).toList());
	}

}

package org.tally.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens without server state for anonymous visitors (docs/security.md, "Sessions"):
 * while a request has no session (the sign-in form, any public page) the token lives in a
 * cookie ({@value #COOKIE}: HttpOnly, SameSite=Strict, Secure over HTTPS) and a form's
 * hidden {@code _csrf} field must match it; once signed in, in the session as before. A
 * GET of {@code /login} therefore creates no session.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "TALLY-CSRF";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokens() {
		this.cookie.setCookieName(COOKIE);
		this.cookie.setCookieCustomizer((c) -> c.httpOnly(true).sameSite("Strict"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return (request.getSession(false) != null) ? this.session.loadToken(request) : this.cookie.loadToken(request);
	}

}

package org.tally.system;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests refused before any controller sees them still answer RFC 9457 problems: the
 * ones Spring Security's firewall refuses (an encoded {@code %25}, {@code %2F} or
 * {@code %00} in the path, an unknown method: 405 with {@code Allow}) and the ones Tomcat
 * refuses itself (a request line it cannot parse), which would otherwise get Tomcat's
 * HTML page. Tomcat hands an encoded slash on ({@code passthrough}) so that the firewall,
 * not Tomcat, answers it. Requests Tomcat would fail on later are refused first by
 * {@link RequestShapeFilter}.
 */
@Configuration(proxyBeanMethods = false)
class RequestRejections {

	static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	@Bean
	RequestRejectedHandler problemRequestRejectedHandler() {
		return (request, response, ex) -> {
			if (!METHODS.contains(request.getMethod())) {
				response.setHeader(HttpHeaders.ALLOW, ALLOW);
				ProblemResponses.write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method Not Allowed",
						"method: " + ProblemResponses.printable(request.getMethod()) + " is not one Tally answers");
			}
			else {
				ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request",
						"path: the URL holds a character Tally refuses (an encoded %, /, \\, ; or NUL, "
								+ "a control character, or a . or .. segment)");
			}
		};
	}

	/** Before Spring Security and everything else: see {@link RequestShapeFilter}. */
	@Bean
	FilterRegistrationBean<RequestShapeFilter> requestShapeFilter() {
		FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(
				new RequestShapeFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Errors Tomcat forwards to {@code /error} (a TRACE it refuses, a {@code sendError}
	 * outside Spring MVC) answer an API request as a problem, not as Spring Boot's JSON.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiErrorProblems() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
						Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
						if (uri instanceof String path && path.startsWith("/api/") && status instanceof Integer code
								&& code >= 400) {
							ProblemResponses.write(response, code, "Error " + code, errorDetail(code, request));
							return;
						}
						chain.doFilter(request, response);
					}

					@Override
					protected boolean shouldNotFilterErrorDispatch() {
						return false;
					}

				});
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.addUrlPatterns("/error");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	private static String errorDetail(int status, HttpServletRequest request) {
		return switch (status) {
			case 405 -> "method: " + ProblemResponses.printable(request.getMethod()) + " is not allowed here";
			case 404 -> "path: no such resource";
			case 413 -> "body: larger than Tally takes";
			default -> (status < 500) ? "request: could not be read" : "request: Tally could not answer it";
		};
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
		return (factory) -> {
			factory.addConnectorCustomizers(
					(connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
			});
		};
	}

	/**
	 * Tomcat's error report (for errors no application page answered) as a problem detail
	 * instead of an HTML page.
	 */
	public static class ProblemReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write("{\"type\":\"about:blank\",\"title\":\"" + ((status < 500) ? "Bad Request" : "Error")
							+ "\",\"status\":" + status + ",\"detail\":\"request: "
							+ ((status < 500) ? "the request line or a header could not be read"
									: "Tally could not answer this request")
							+ "\"}");
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response is closed: nothing to tell
			}
		}

	}

}

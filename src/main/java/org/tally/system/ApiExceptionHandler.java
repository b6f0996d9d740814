package org.tally.system;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.DatabaseOutages;
import org.tally.kernel.ElectionNotFoundException;
import org.tally.kernel.InvalidRequestException;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.staff.ElectionExistsException;
import org.tally.staff.NotFoundException;
import org.tally.staff.SetupConflictException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error on {@code /api} as an RFC 9457 problem detail
 * ({@code application/problem+json}): the domain's exceptions with their own status,
 * Spring's own (405, 415, 404, malformed JSON, validation) as Spring describes them (a
 * body's invalid or unreadable value with its field named), and anything unexpected as a
 * 500 that says nothing of Tally's insides (the log has it). It advises every handler,
 * also requests that found none (405, 415 are raised before a handler is chosen), and
 * lets errors of pages pass on by rethrowing them, so it is ordered after the pages' own
 * advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ApiExceptionHandler.class);

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final DatabaseOutageCheck outages;

	ApiExceptionHandler(DatabaseOutageCheck outages) {
		this.outages = outages;
	}

	@ExceptionHandler({ ElectionNotFoundException.class, ContestNotFoundException.class, NotFoundException.class })
	ResponseEntity<ProblemDetail> notFound(RuntimeException ex, HttpServletRequest request) throws Exception {
		return problem(request, ex, HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler({ ElectionExistsException.class, SetupConflictException.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex, HttpServletRequest request) throws Exception {
		return problem(request, ex, HttpStatus.CONFLICT, "Conflict", ex.getMessage());
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> badRequest(InvalidRequestException ex, HttpServletRequest request) throws Exception {
		return problem(request, ex, HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	/**
	 * Parameters Tomcat could not read (beyond what {@link RequestShapeFilter} refuses,
	 * such as too many of them).
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException ex, HttpServletRequest request)
			throws Exception {
		return problem(request, ex, HttpStatus.BAD_REQUEST, "Bad request",
				"query: the parameters could not be read (too many, or not %-encoded)");
	}

	/**
	 * Anything else is Tally's fault: logged, answered without its message; except a
	 * failure because the database is out of reach ({@link DatabaseOutageCheck}), which
	 * is {@link #unavailable 503}.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		if (this.outages.isOutage(ex)) {
			return unavailable(request, response);
		}
		if (isApi(request)) {
			log.error("Unexpected error on " + request.getMethod() + " " + request.getRequestURI(), ex);
		}
		return problem(request, ex, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Tally could not answer this request; the error is logged.");
	}

	/**
	 * What cannot be answered while the database is out of reach (something not held in
	 * memory: an earlier revision, an election never read, any write): 503 with
	 * {@code Retry-After}, problem+json on the API, the error page on pages
	 * (docs/operations.md, "Database outages").
	 */
	private static ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		log.warn("Database out of reach: " + request.getMethod() + " " + request.getRequestURI() + " answers 503");
		if (!isApi(request)) {
			ProblemResponses.databaseUnavailablePage(response);
			return null;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database is out of reach for the moment and this is not held in memory; "
						+ "nothing was changed. Try again shortly.");
		problem.setTitle("Service Unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutages.RETRY_AFTER_SECONDS))
			.header(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.NO_STORE)
			.contentType(PROBLEM)
			.body(problem);
	}

	/**
	 * Spring's own exceptions: problem+json on the API, the default handling elsewhere.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (!(request instanceof ServletWebRequest servlet) || !isApi(servlet.getRequest())) {
			throw ApiExceptionHandler.<RuntimeException>sneaky(ex);
		}
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(PROBLEM);
		return super.handleExceptionInternal(ex, body, problemHeaders, statusCode, request);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Exception ex, HttpStatus status,
			String title, String detail) throws Exception {
		if (!isApi(request)) {
			// not ours: rethrown, Spring goes on as if this advice had no handler for it
			throw ex;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

	/** A body that breaks its record's constraints: the detail names each field. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		if (!fields.isEmpty()) {
			ex.getBody().setDetail(fields);
		}
		return super.handleMethodArgumentNotValid(ex, headers, status, request);
	}

	/**
	 * A body Jackson cannot read: the detail names the field whose value it could not
	 * take and why, in Tally's words (never the parser's message).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleHttpMessageNotReadable(ex, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			problem.setDetail(BodyProblems.detail(ex.getCause()));
		}
		return response;
	}

	/**
	 * A parameter of the wrong type: named, with what it must be, never its (possibly
	 * long) value.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleTypeMismatch(ex, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
					: ex.getPropertyName();
			Class<?> type = ex.getRequiredType();
			boolean number = type != null
					&& (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class));
			problem.setDetail(name + ": " + (number ? "must be a whole number" : "not a value of the expected type"));
		}
		return response;
	}

	/** A required parameter left out: named. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ex.getBody().setDetail(ex.getParameterName() + ": required");
		return super.handleMissingServletRequestParameter(ex, headers, status, request);
	}

	/** A required multipart part left out: named. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ex.getBody().setDetail(ex.getRequestPartName() + ": required");
		return super.handleMissingServletRequestPart(ex, headers, status, request);
	}

	/**
	 * A multipart body that cannot be read (no boundary, cut short): the client's
	 * mistake, answered 400 without a stack trace.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex, HttpServletRequest request)
			throws Exception {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return problem(request, ex, HttpStatus.CONTENT_TOO_LARGE, "Content Too Large",
					"file: larger than Tally takes in one upload");
		}
		return problem(request, ex, HttpStatus.BAD_REQUEST, "Bad request",
				"body: not a readable multipart/form-data body (a boundary and the part 'file' are needed)");
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E sneaky(Throwable ex) throws E {
		throw (E) ex;
	}

}

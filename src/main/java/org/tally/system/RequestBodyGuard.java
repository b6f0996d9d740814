package org.tally.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps request bodies from holding the workers that answer readers (docs/security.md,
 * "Request bodies"). Tomcat reads a body on the worker thread, so a client trickling one
 * byte every few seconds holds a worker for as long as it likes. Before anything reads a
 * body:
 * <ul>
 * <li>a declared length over {@code tally.http.upload-max-size} (the same limit as
 * multipart uploads) is 413 at once, unread; a body without a declared length is cut off
 * at the limit (413);</li>
 * <li>a request without credentials (no {@code Authorization}, no session cookie) may
 * carry at most {@code tally.http.anonymous-body-max} (8 KB, a sign-in form), declared up
 * front (else 413); a sign-in's form is read by at most
 * {@code tally.http.sign-in-readers} workers at once, any other anonymous body is read
 * here within {@code tally.http.anonymous-body-time} (else 408);</li>
 * <li>a request with credentials reads its body on at most
 * {@code tally.http.body-readers} workers at once.</li>
 * </ul>
 * When no reader is free the answer is 503 with {@code Retry-After}, unread. Every
 * refusal is problem+json with {@code Connection: close}, a status on which Tomcat closes
 * the connection instead of draining the body. What the chain left unread is read to its
 * end for a signed-in writer (its client then reads the answer, a 415 say); anyone else's
 * is drained by Tomcat only up to {@code server.tomcat.max-swallow-size} (tiny), each
 * read waiting at most {@code tally.http.body-read-timeout}, then the connection closes.
 */
class RequestBodyGuard extends OncePerRequestFilter {

	private final long maxUpload;

	private final int anonymousMax;

	private final long anonymousNanos;

	private final Semaphore signIns;

	private final Semaphore writes;

	private final Semaphore anonymous;

	RequestBodyGuard(BodyLimits limits) {
		this.maxUpload = limits.maxUpload();
		this.anonymousMax = limits.anonymousMax();
		this.anonymousNanos = limits.anonymousTime().toNanos();
		this.signIns = new Semaphore(limits.signInReaders());
		this.writes = new Semaphore(limits.bodyReaders());
		this.anonymous = new Semaphore(limits.signInReaders());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if (declared <= 0 && !chunked) {
			chain.doFilter(request, response);
			return;
		}
		if (declared > this.maxUpload) {
			refuse(request, response, 413, "Content Too Large",
					"The request body declares " + declared + " bytes; Tally accepts at most " + this.maxUpload + ".");
			return;
		}
		if (credentials(request)) {
			guarded(this.writes, new LimitedBody(request, this.maxUpload), response, chain, true);
			return;
		}
		if (chunked || declared > this.anonymousMax) {
			refuse(request, response, 413, "Content Too Large", "Without credentials a request body may have at most "
					+ this.anonymousMax + " bytes, with its Content-Length declared.");
			return;
		}
		if ("POST".equals(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			// the sign-in form: Tomcat parses it for Spring Security, on few workers
			guarded(this.signIns, request, response, chain, false);
			return;
		}
		if (!this.anonymous.tryAcquire()) {
			busy(request, response);
			return;
		}
		byte[] body;
		try {
			body = readWithin(request.getInputStream(), (int) declared);
		}
		finally {
			this.anonymous.release();
		}
		if (body == null) {
			refuse(request, response, 408, "Request Timeout", "The request body did not arrive in time.");
			return;
		}
		chain.doFilter(new LimitedBody(request, body), response);
	}

	/**
	 * The chain on one of few readers. A body the answer left unread is read to its end
	 * for a signed-in writer ({@code drain}: its client then reads the answer, a 415 say,
	 * instead of a broken connection), and left unread for anyone else.
	 */
	private void guarded(Semaphore readers, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			boolean drain) throws IOException, ServletException {
		if (!readers.tryAcquire()) {
			busy(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			readers.release();
			// answered before the body was read (a 401, a 404, a 415): a signed-in
			// writer's
			// rest is read so that its client reads the answer; anyone else's is left to
			// Tomcat, which reads no more than max-swallow-size and closes the connection
			if (drain) {
				drainQuietly(request);
			}
		}
	}

	private static void drainQuietly(HttpServletRequest request) {
		try {
			InputStream in = request.getInputStream();
			byte[] buffer = new byte[8192];
			while (in.read(buffer) >= 0) {
				// read and dropped: bounded by the upload limit and each read's timeout
			}
		}
		catch (IOException | RuntimeException ex) {
			// the client is gone, too slow or over the limit: the connection closes
		}
	}

	/** The whole body within the time allowed, or null when it came too slowly. */
	private byte[] readWithin(InputStream in, int length) throws IOException {
		long deadline = System.nanoTime() + this.anonymousNanos;
		ByteArrayOutputStream body = new ByteArrayOutputStream(length);
		byte[] buffer = new byte[Math.min(length, 8192)];
		while (body.size() < length) {
			if (System.nanoTime() - deadline > 0) {
				return null;
			}
			int n;
			try {
				n = in.read(buffer, 0, Math.min(buffer.length, length - body.size()));
			}
			catch (IOException ex) {
				// a read timed out or the client went away
				return null;
			}
			if (n < 0) {
				break;
			}
			body.write(buffer, 0, n);
		}
		return body.toByteArray();
	}

	/**
	 * Whether the request presents credentials (checked later by Spring Security): an
	 * Authorization header or a session cookie.
	 */
	private static boolean credentials(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return true;
		}
		String cookies = request.getHeader(HttpHeaders.COOKIE);
		return cookies != null && cookies.contains("JSESSIONID=");
	}

	private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		refuse(request, response, 503, "Service Unavailable",
				"Too many request bodies are being read at the moment; nothing was read. Try again shortly.");
		response.setHeader(HttpHeaders.RETRY_AFTER, "2");
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		ProblemResponses.write(response, status, title, detail, 2);
		if (status != 503) {
			response.setHeader(HttpHeaders.RETRY_AFTER, null);
		}
		response.setHeader(HttpHeaders.CONNECTION, "close");
		try {
			response.flushBuffer();
		}
		catch (IOException ex) {
			// the client is gone (or its connection timed out): nothing to answer
		}
		// answered and committed: Tomcat reads at most max-swallow-size of the rest, then
		// closes the connection (Connection: close)
	}

}

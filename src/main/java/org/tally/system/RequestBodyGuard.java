package org.tally.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.IntSupplier;

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
 * <li>a sign-in form ({@code POST /login}, whoever sends it) and any body of a request
 * without credentials (no {@code Authorization}, no live session) may have at most
 * {@code tally.http.anonymous-body-max} (8 KB), declared up front (else 413); it is read
 * here, whole, within {@code tally.http.anonymous-body-time} (else 408), by at most
 * {@code tally.http.sign-in-readers} workers at once (sign-ins and other anonymous bodies
 * each have that many), and handed on already read ({@link LimitedBody} serves the form's
 * parameters);</li>
 * <li>a request with credentials reads its body on at most
 * {@code tally.http.body-readers} workers at once.</li>
 * </ul>
 * When no reader is free the answer is 503 with {@code Retry-After}, unread. Every
 * refusal is problem+json with {@code Connection: close}. What the chain left unread is
 * read to its end after an answer that is not a refusal (a signed-in writer's 415: its
 * client then reads the answer); after a refusal it is never read:
 * {@link BodyValves.UnreadBodies} makes Tomcat close the connection instead of draining
 * the body on the worker, and {@link BodyValves.ReadFailures} answers a read that timed
 * out ({@code tally.http.body-read-timeout}, each read) with 408 problem+json.
 */
class RequestBodyGuard extends OncePerRequestFilter {

	/** Answers after which the rest of a body is not read. */
	private static final Set<Integer> REFUSALS = Set.of(401, 403, 408, 413, 429, 503);

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
		boolean signIn = "POST".equals(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
		if (!signIn && credentials(request)) {
			guarded(this.writes, new LimitedBody(request, this.maxUpload), response, chain);
			return;
		}
		if (chunked || declared > this.anonymousMax) {
			refuse(request, response, 413, "Content Too Large", (signIn ? "A sign-in form may have at most "
					: "Without credentials (or with a session that has ended: sign in again) a request body may have at most ")
					+ this.anonymousMax + " bytes, with its Content-Length declared.");
			return;
		}
		// a sign-in form (whoever sends it) or another small anonymous body: one that has
		// already arrived (clients send a form along with its head) is read at once,
		// without waiting; one still on its way is waited for within a deadline, by few
		// workers (the sign-in has readers of its own), so tricklers hold no more than
		// those
		InputStream in = request.getInputStream();
		ByteArrayOutputStream read = new ByteArrayOutputStream((int) declared);
		byte[] body = readArrived(request, in, read, (int) declared);
		if (body == null) {
			Semaphore readers = signIn ? this.signIns : this.anonymous;
			if (!readers.tryAcquire()) {
				busy(request, response);
				return;
			}
			try {
				body = readWithin(in, read, (int) declared);
			}
			finally {
				readers.release();
			}
		}
		if (body == null) {
			// when Tomcat's own read timed out first, BodyValves.ReadFailures answers
			refuse(request, response, 408, "Request Timeout", "The request body did not arrive in time.");
			return;
		}
		chain.doFilter(new LimitedBody(request, body), response);
	}

	/**
	 * The chain on one of few readers. A body the answer left unread is read to its end
	 * when the answer is not a refusal (a signed-in writer's 415, say: its client then
	 * reads the answer instead of a broken connection); after a refusal (401, 403, 429, a
	 * limit) the rest is not read ({@link BodyValves.UnreadBodies} closes the
	 * connection).
	 */
	private void guarded(Semaphore readers, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!readers.tryAcquire()) {
			busy(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			readers.release();
		}
		if (!REFUSALS.contains(response.getStatus())) {
			drainQuietly(request);
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

	/**
	 * The whole body if it has all arrived, read without waiting for a byte
	 * ({@link BodyValves#ARRIVED}); else null, with what has arrived in {@code read}.
	 */
	private static byte[] readArrived(HttpServletRequest request, InputStream in, ByteArrayOutputStream read,
			int length) {
		if (!(request.getAttribute(BodyValves.ARRIVED) instanceof IntSupplier arrived)) {
			return null;
		}
		return read(in, read, length, () -> in.available() > 0 || arrived.getAsInt() > 0);
	}

	/**
	 * The whole body (after what {@code read} holds) within the time allowed, or null
	 * when it came too slowly.
	 */
	private byte[] readWithin(InputStream in, ByteArrayOutputStream read, int length) {
		long deadline = System.nanoTime() + this.anonymousNanos;
		return read(in, read, length, () -> System.nanoTime() - deadline <= 0);
	}

	/**
	 * Reads the body to its declared length while {@code goOn} allows; null when it stops
	 * it or a read fails (timed out, the client went away).
	 */
	private static byte[] read(InputStream in, ByteArrayOutputStream body, int length, GoOn goOn) {
		byte[] buffer = new byte[Math.min(length, 8192)];
		try {
			while (body.size() < length) {
				if (!goOn.test()) {
					return null;
				}
				int n = in.read(buffer, 0, Math.min(buffer.length, length - body.size()));
				if (n < 0) {
					break;
				}
				body.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			return null;
		}
		return body.toByteArray();
	}

	/** Whether to read on. */
	@FunctionalInterface
	private interface GoOn {

		boolean test() throws IOException;

	}

	/**
	 * Whether the request presents credentials (checked later by Spring Security): an
	 * Authorization header or the cookie of a session that exists (sessions exist only
	 * once someone signed in; a made-up {@code JSESSIONID} is no credential).
	 */
	private static boolean credentials(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.isRequestedSessionIdValid();
	}

	private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		refuse(request, response, 503, "Service Unavailable",
				"Too many request bodies are being read at the moment; nothing was read. Try again shortly.");
		response.setHeader(HttpHeaders.RETRY_AFTER, "2");
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		if (response.isCommitted()) {
			// Tomcat's own read failed and took the answer over (sendError): its 408 or
			// 400
			// is written as a problem by BodyValves.ReadFailures
			return;
		}
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
		// answered and committed: the rest is not read (BodyValves.UnreadBodies, and for
		// a
		// 413 Tomcat's own swallowAbortedUploads=false), the connection closes
	}

}

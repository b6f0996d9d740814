package org.tally.system;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.function.IntSupplier;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

import org.springframework.http.HttpHeaders;

/**
 * Where Tomcat itself would hold a worker for a request body or answer its failure with a
 * 500, two valves step in (docs/security.md, "Request bodies"). Read in Tomcat 11's
 * source ({@code Http11Processor.endRequest}, {@code IdentityInputFilter.end},
 * {@code ChunkedInputFilter.end}, {@code InputBuffer.handleReadException}):
 * <ul>
 * <li>After the answer, Tomcat swallows what the application left of the body on the
 * worker thread, one blocking read after another (each waiting up to the upload timeout),
 * unless the request is in an error state: {@code max-swallow-size} only makes it give up
 * after that many bytes, so a body trickling one byte every few seconds held the worker
 * for two reads (about 10 s) even with it at 1 byte, and a declared length over it does
 * not stop the first read. Refusing with a status such as 413 or a
 * {@code Connection: close} header does not help: {@code prepareResponse} turns
 * keep-alive off, so the error state that would skip the swallowing is never set.
 * {@link UnreadBodies} (on the engine, after every error page) commits the answer and
 * then asks Tomcat not to read the rest ({@code DISABLE_SWALLOW_INPUT}), so the
 * connection closes at once. It must commit first: that action marks the exchange as an
 * error, which would replace an uncommitted answer with a 500.</li>
 * <li>When a read of the body times out or fails, Tomcat calls {@code sendError(408)} (or
 * 400) and records the exception as the request's error, so whatever the application
 * answers is dropped and the error page is rendered for an exception, as a 500.
 * {@link ReadFailures} (on the context, before the host's error pages) answers 408 (or
 * 400) problem+json instead.</li>
 * </ul>
 */
final class BodyValves {

	private BodyValves() {
	}

	static boolean hasBody(Request request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	/**
	 * Request attribute: an {@link IntSupplier} that moves what has arrived of the body
	 * from the socket into Tomcat's buffer without waiting and answers how many bytes a
	 * read now gets without blocking (0: none yet). {@link RequestBodyGuard} reads a
	 * sign-in form that has fully arrived without taking one of its few readers.
	 */
	static final String ARRIVED = BodyValves.class.getName() + ".arrived";

	/**
	 * What has arrived of the body, read from the socket without waiting (Tomcat's own
	 * non-blocking read, {@code ActionCode.AVAILABLE} with {@code true}): the bytes a
	 * read gets now without blocking.
	 */
	static int arrived(org.apache.coyote.Request request) {
		request.action(ActionCode.AVAILABLE, Boolean.TRUE);
		return request.getAvailable();
	}

	/**
	 * An answer given while the body is still coming: a small body (declared, at most
	 * {@code tally.http.anonymous-body-max}) that has already arrived is read here
	 * without waiting and dropped, so the connection stays as it would without a body;
	 * otherwise the answer is sent with {@code Connection: close}, and the rest of the
	 * body is not read: the worker is free at once. (Closing a socket with unread bytes
	 * makes the kernel send a reset instead of a normal close, which can reach the client
	 * before it has read the answer: small bodies, which clients send along with the
	 * head, are therefore read, not left.) A body that must be read to its end (a
	 * signed-in writer's) was read by {@link RequestBodyGuard} already.
	 */
	static final class UnreadBodies extends ValveBase {

		private final long smallBody;

		UnreadBodies(long smallBody) {
			super(true);
			this.smallBody = smallBody;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			org.apache.coyote.Request coyote = request.getCoyoteRequest();
			request.setAttribute(ARRIVED, (IntSupplier) () -> arrived(coyote));
			getNext().invoke(request, response);
			if (request.isAsync() || !hasBody(request) || coyote.isFinished() || drainedArrived(request)) {
				return;
			}
			try {
				if (!response.isCommitted()) {
					response.setHeader(HttpHeaders.CONNECTION, "close");
				}
				// committed before the action: it marks the exchange as an error
				response.finishResponse();
			}
			catch (IOException ex) {
				// the client is gone: the connection closes anyway
			}
			coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}

		/**
		 * Reads and drops what is left of a small declared body, as long as it has
		 * arrived (never waiting for a byte): whether the body is now read to its end.
		 */
		private boolean drainedArrived(Request request) {
			org.apache.coyote.Request coyote = request.getCoyoteRequest();
			long declared = request.getContentLengthLong();
			if (declared <= 0 || declared > this.smallBody
					|| request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
				return false;
			}
			Dropped dropped = new Dropped();
			try {
				while (!coyote.isFinished() && arrived(coyote) > 0) {
					if (coyote.doRead(dropped) < 0) {
						break;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				return false;
			}
			return coyote.isFinished();
		}

	}

	/** Where Tomcat puts bytes read only to be dropped. */
	private static final class Dropped implements ApplicationBufferHandler {

		private ByteBuffer buffer = ByteBuffer.allocate(0);

		@Override
		public void setByteBuffer(ByteBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public ByteBuffer getByteBuffer() {
			return this.buffer;
		}

		@Override
		public void expand(int size) {
			// the bytes are dropped: nothing to keep
		}

	}

	/**
	 * A read of the body that timed out (408) or failed (400) is answered as a problem,
	 * not as Tomcat's 500 error page for the exception it recorded.
	 */
	static final class ReadFailures extends ValveBase {

		ReadFailures() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			Exception failure = request.getCoyoteRequest().getErrorException();
			if (failure == null || request.isAsync() || response.isCommitted()) {
				return;
			}
			boolean timedOut = failure instanceof SocketTimeoutException
					|| failure.getCause() instanceof SocketTimeoutException;
			request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
			// forgets the sendError Tomcat's read made (no error page), and lets us write
			response.reset();
			response.setSuspended(false);
			try {
				if (timedOut) {
					ProblemResponses.write(response, 408, "Request Timeout",
							"body: it did not arrive in time; nothing was read.");
				}
				else {
					ProblemResponses.write(response, 400, "Bad Request",
							"body: it could not be read (cut off or malformed); nothing was read.");
				}
				response.setHeader(HttpHeaders.CONNECTION, "close");
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone: nothing to tell
			}
		}

	}

}

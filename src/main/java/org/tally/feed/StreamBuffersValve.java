package org.tally.feed;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.CharBuffer;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.InputBuffer;
import org.apache.catalina.connector.OutputBuffer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tally.kernel.PublicHttpPolicy;

/**
 * The buffers a connection keeps while it serves an event stream (issue 27, docs/feed.md
 * "Capacity"), set before the request reaches the application; the connection keeps what
 * it has for its next request, so each request first gets what it needs:
 * <ul>
 * <li>An event stream is written in bytes and has no body to read, so its request's
 * character buffer (8,192 chars, 16 KB, allocated by Tomcat with every request object and
 * not configurable) is replaced with a 16-char one. Tomcat 11 has no setting for it: this
 * writes {@code Request.inputBuffer}'s private {@code cb} (read in Tomcat 11.0's
 * {@code InputBuffer}: {@code recycle()} keeps a buffer no larger than its size, and a
 * smaller one only means more, smaller conversions); without those fields it logs once
 * and leaves the buffer ({@code EventStreamCapacityTests} notices).</li>
 * <li>Every other request gets Tomcat's 8 KiB response buffer (the connection starts with
 * {@code tally.feed.response-buffer}, {@link StreamBuffersProtocol}) and its 8,192-char
 * request buffer back before anything is read or written, so pages, feeds, uploads and
 * errors are buffered as without this valve.</li>
 * </ul>
 */
final class StreamBuffersValve extends ValveBase {

	private static final Log log = LogFactory.getLog(StreamBuffersValve.class);

	/** Tomcat's request character buffer, chars (InputBuffer.DEFAULT_BUFFER_SIZE). */
	static final int READER_CHARS = 8192;

	static final int STREAM_READER_CHARS = 16;

	private static final Field INPUT = field(Request.class, "inputBuffer");

	private static final Field CHARS = field(InputBuffer.class, "cb");

	StreamBuffersValve() {
		super(true);
	}

	/**
	 * Whether the request is for an election's event stream (ElectionEventsController);
	 * false for a request Tomcat could not parse a URI of (null).
	 */
	static boolean isEventStream(String uri) {
		return uri != null && uri.startsWith(PublicHttpPolicy.FEED) && uri.endsWith("/events");
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (isEventStream(request.getRequestURI())) {
			readerChars(request, STREAM_READER_CHARS);
		}
		else {
			readerChars(request, READER_CHARS);
			// only before anything is written (an async dispatch comes through again)
			if (response.getBufferSize() < OutputBuffer.DEFAULT_BUFFER_SIZE && !response.isCommitted()
					&& response.getContentWritten() == 0) {
				response.setBufferSize(OutputBuffer.DEFAULT_BUFFER_SIZE);
			}
		}
		getNext().invoke(request, response);
	}

	/** The request's character buffer: {@code chars} long unless it already is. */
	static void readerChars(Request request, int chars) {
		if (INPUT == null || CHARS == null) {
			return;
		}
		try {
			Object input = INPUT.get(request);
			if (((CharBuffer) CHARS.get(input)).capacity() != chars) {
				CharBuffer buffer = CharBuffer.allocate(chars);
				buffer.position(0).limit(0);
				CHARS.set(input, buffer);
			}
		}
		catch (IllegalAccessException | RuntimeException ex) {
			log.warn("Could not resize Tomcat's request character buffer", ex);
		}
	}

	/** The request's character buffer's length, chars (-1 when it cannot be read). */
	static int readerChars(Request request) {
		try {
			return ((CharBuffer) CHARS.get(INPUT.get(request))).capacity();
		}
		catch (IllegalAccessException | RuntimeException ex) {
			return -1;
		}
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException | RuntimeException ex) {
			log.info("Event streams keep Tomcat's 8,192-char request buffer: " + type.getName() + "." + name
					+ " is not there or not accessible (" + ex + ")");
			return null;
		}
	}

}

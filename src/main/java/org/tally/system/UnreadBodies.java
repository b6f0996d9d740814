package org.tally.system;

import java.lang.reflect.Field;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.ActionCode;

/**
 * Tells Tomcat not to drain what is left of a request body: after the answer, Tomcat
 * otherwise reads the rest on the worker thread (up to {@code max-swallow-size}, each
 * read waiting up to the upload timeout), which a client trickling one byte every few
 * seconds stretches at will. The connection is closed instead. Tomcat offers this only
 * internally ({@code ActionCode.DISABLE_SWALLOW_INPUT}, what it does itself for an
 * oversized multipart upload), reached here through its request facade.
 */
final class UnreadBodies {

	private static final Field FACADE_REQUEST = facadeRequest();

	private UnreadBodies() {
	}

	/** Whether part of the request's declared body has not been read. */
	static boolean leftUnread(ServletRequest request) {
		Request tomcat = tomcat(request);
		long declared = request.getContentLengthLong();
		return tomcat != null && declared > 0 && tomcat.getCoyoteRequest().getBytesRead() < declared;
	}

	/** The rest of the body is not read; the connection closes after the answer. */
	static void closeWithoutDraining(ServletRequest request) {
		Request tomcat = tomcat(request);
		if (tomcat != null) {
			tomcat.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

	private static Request tomcat(ServletRequest request) {
		ServletRequest inner = request;
		while (inner instanceof ServletRequestWrapper wrapper) {
			inner = wrapper.getRequest();
		}
		if (FACADE_REQUEST == null || !(inner instanceof RequestFacade facade)) {
			return null;
		}
		try {
			return (Request) FACADE_REQUEST.get(facade);
		}
		catch (IllegalAccessException ex) {
			return null;
		}
	}

	private static Field facadeRequest() {
		try {
			Field field = RequestFacade.class.getDeclaredField("request");
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}

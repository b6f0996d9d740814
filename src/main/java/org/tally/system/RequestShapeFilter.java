package org.tally.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, requests whose shape Tomcat or PostgreSQL would
 * fail on (the client's mistakes, answered 400 problem+json naming what is wrong, without
 * a stack trace in the log): a Content-Type that is a pattern ({@code *}{@code /*}), a
 * multipart Content-Type without its boundary, and a query string with a parameter
 * without a name ({@code ?=x}), a broken %-escape, bytes that are not UTF-8 or a NUL
 * character.
 */
class RequestShapeFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refused = refused(request);
		if (refused != null) {
			ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", refused);
			return;
		}
		chain.doFilter(request, response);
	}

	static String refused(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank()) {
			MediaType declared;
			try {
				declared = MediaType.parseMediaType(contentType);
			}
			catch (IllegalArgumentException ex) {
				// not a media type: what reads the body says so (415 naming the formats)
				declared = null;
			}
			if (declared != null && (declared.isWildcardType() || declared.isWildcardSubtype())) {
				// a body has one type; Spring refuses a wildcard with an exception (a
				// 500)
				return "Content-Type: " + declared.getType() + "/" + declared.getSubtype()
						+ " is a pattern, not the type of a body";
			}
		}
		if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
			MediaType type;
			try {
				type = MediaType.parseMediaType(contentType);
			}
			catch (IllegalArgumentException ex) {
				return "Content-Type: not a media type";
			}
			if (type.getParameter("boundary") == null || type.getParameter("boundary").isBlank()) {
				return "Content-Type: " + type.getType() + "/" + type.getSubtype() + " needs a boundary parameter";
			}
		}
		return (request.getQueryString() != null) ? refusedQuery(request.getQueryString()) : null;
	}

	private static String refusedQuery(String query) {
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			if (name.isEmpty()) {
				return "query: a parameter without a name ('" + ProblemResponses.printable(pair) + "')";
			}
			String decodedName = decode(name);
			if (decodedName == null) {
				return "query: the parameter name '" + ProblemResponses.printable(name) + "' is not %-encoded UTF-8";
			}
			String decodedValue = decode(value);
			if (decodedValue == null) {
				return printableName(decodedName) + ": not %-encoded UTF-8";
			}
			if (decodedName.indexOf('\u0000') >= 0) {
				return "query: the parameter name '" + ProblemResponses.printable(decodedName)
						+ "' holds the NUL character";
			}
			if (decodedValue.indexOf('\u0000') >= 0) {
				return printableName(decodedName) + ": " + StrictJson.NUL_MESSAGE;
			}
		}
		return null;
	}

	private static String printableName(String name) {
		return ProblemResponses.printable(name).replace(' ', '_');
	}

	/** The %-decoded UTF-8 text ('+' a space), or {@code null} when it is not. */
	static String decode(String text) {
		ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
						|| Character.digit(text.charAt(i + 2), 16) < 0) {
					return null;
				}
				bytes.put((byte) Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else if (c == '+') {
				bytes.put((byte) ' ');
			}
			else {
				bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		bytes.flip();
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}

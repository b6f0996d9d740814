package org.tally.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body is either already read ({@link RequestBodyGuard} read a sign-in
 * form or another small anonymous body; a form's parameters are served from it) or
 * streamed with a limit: past {@code limit} bytes a read throws
 * {@link ContentTooLargeException} (413), so a body sent without a declared length
 * (chunked) cannot grow past the upload limit.
 */
class LimitedBody extends HttpServletRequestWrapper {

	private final byte[] read;

	private final long limit;

	private ServletInputStream stream;

	private Map<String, String[]> parameters;

	LimitedBody(HttpServletRequest request, long limit) {
		super(request);
		this.read = null;
		this.limit = limit;
	}

	LimitedBody(HttpServletRequest request, byte[] read) {
		super(request);
		this.read = read;
		this.limit = read.length;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.stream == null) {
			InputStream in = (this.read != null) ? new ByteArrayInputStream(this.read) : super.getInputStream();
			this.stream = new Limited(in, this.limit);
		}
		return this.stream;
	}

	/**
	 * The query's parameters and, for a form read here, the form's: Tomcat parses no body
	 * once its stream has been read, so the form of a sign-in is parsed here.
	 */
	@Override
	public Map<String, String[]> getParameterMap() {
		if (this.read == null) {
			return super.getParameterMap();
		}
		if (this.parameters == null) {
			Map<String, List<String>> all = new LinkedHashMap<>();
			super.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, (n) -> new ArrayList<>())
				.addAll(Arrays.asList(values)));
			if (isForm(getContentType())) {
				Charset charset = charset(getCharacterEncoding());
				for (String pair : new String(this.read, StandardCharsets.ISO_8859_1).split("&")) {
					int equals = pair.indexOf('=');
					String name = (equals < 0) ? pair : pair.substring(0, equals);
					String value = (equals < 0) ? "" : pair.substring(equals + 1);
					try {
						if (!name.isEmpty()) {
							all.computeIfAbsent(URLDecoder.decode(name, charset), (n) -> new ArrayList<>())
								.add(URLDecoder.decode(value, charset));
						}
					}
					catch (IllegalArgumentException ex) {
						// a broken %-escape: the pair is left out, as Tomcat does
					}
				}
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			all.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(parameters);
		}
		return this.parameters;
	}

	@Override
	public String getParameter(String name) {
		if (this.read == null) {
			return super.getParameter(name);
		}
		String[] values = getParameterMap().get(name);
		return (values != null) ? values[0] : null;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		if (this.read == null) {
			return super.getParameterNames();
		}
		return Collections.enumeration(getParameterMap().keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		if (this.read == null) {
			return super.getParameterValues(name);
		}
		String[] values = getParameterMap().get(name);
		return (values != null) ? values.clone() : null;
	}

	private static Charset charset(String encoding) {
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static boolean isForm(String contentType) {
		return contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private static final class Limited extends ServletInputStream {

		private final InputStream in;

		private final long limit;

		private long count;

		private boolean finished;

		Limited(InputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = this.in.read(b, off, len);
			if (n < 0) {
				this.finished = true;
				return n;
			}
			this.count += n;
			if (this.count > this.limit) {
				throw new ContentTooLargeException(this.limit);
			}
			return n;
		}

		@Override
		public boolean isFinished() {
			return this.finished;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("blocking reads only");
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}

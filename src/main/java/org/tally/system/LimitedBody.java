package org.tally.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body is either already read ({@link RequestBodyGuard} read a small
 * anonymous one) or streamed with a limit: past {@code limit} bytes a read throws
 * {@link ContentTooLargeException} (413), so a body sent without a declared length
 * (chunked) cannot grow past the upload limit.
 */
class LimitedBody extends HttpServletRequestWrapper {

	private final byte[] read;

	private final long limit;

	private ServletInputStream stream;

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

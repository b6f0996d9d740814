package org.tally.ingest.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;

/**
 * Hands the CSV reader UTF-8 whatever the file was saved in. Clarity's summary.csv and
 * many spreadsheets are Windows-1252; a file is taken as UTF-8 until its first byte above
 * 0x7F, and as Windows-1252 from there on when that byte does not begin a valid UTF-8
 * sequence. Everything before it is ASCII, which both encodings read alike, so nothing
 * already read changes. A file whose first non-ASCII text is valid UTF-8 stays UTF-8, and
 * any invalid byte later is reported by the reader as before (a file mixing the two is
 * broken). A named charset (the Content-Type's {@code charset=}) is used as named.
 * <p>
 * The guess can be wrong only for Windows-1252 text whose first accented letters happen
 * to form valid UTF-8 (such as "Ã©"), which real names do not.
 */
public final class Windows1252Fallback extends InputStream {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final InputStream in;

	private final ReaderReport report;

	private final byte[] buffer = new byte[1 << 16];

	private int pos;

	private int limit;

	private boolean eof;

	private boolean detecting;

	private long line = 1;

	private Reader decoder;

	private final char[] chars = new char[1 << 14];

	private byte[] encoded = new byte[0];

	private int encodedPos;

	private char pendingHighSurrogate;

	private Windows1252Fallback(InputStream in, ReaderReport report) {
		this.in = in;
		this.report = report;
		this.detecting = true;
	}

	private Windows1252Fallback(InputStream in, Charset charset) {
		this.in = in;
		this.report = null;
		this.decoder = new InputStreamReader(in, charset);
	}

	/**
	 * The file as UTF-8 bytes.
	 * @param charsetOrNull the charset the sender named, or {@code null} to detect
	 * @param report told (as a warning) when the file is read as Windows-1252
	 */
	public static InputStream wrap(InputStream in, Charset charsetOrNull, ReaderReport report) {
		if (charsetOrNull == null) {
			return new Windows1252Fallback(in, report);
		}
		if (charsetOrNull.equals(StandardCharsets.UTF_8) || charsetOrNull.equals(StandardCharsets.US_ASCII)) {
			return in;
		}
		// browsers and the WHATWG encoding standard read ISO-8859-1 as Windows-1252
		return new Windows1252Fallback(in,
				charsetOrNull.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charsetOrNull);
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int read = read(one, 0, 1);
		return (read < 0) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		if (this.decoder != null) {
			return readDecoded(b, off, len);
		}
		if (!this.detecting) {
			if (this.pos < this.limit) {
				int n = Math.min(len, this.limit - this.pos);
				System.arraycopy(this.buffer, this.pos, b, off, n);
				this.pos += n;
				return n;
			}
			return this.in.read(b, off, len);
		}
		if (this.pos >= this.limit && !fill(1)) {
			return -1;
		}
		int ascii = this.pos;
		int end = Math.min(this.limit, this.pos + len);
		while (ascii < end && this.buffer[ascii] >= 0) {
			if (this.buffer[ascii] == '\n') {
				this.line++;
			}
			ascii++;
		}
		if (ascii > this.pos) {
			int n = ascii - this.pos;
			System.arraycopy(this.buffer, this.pos, b, off, n);
			this.pos = ascii;
			return n;
		}
		decide();
		return read(b, off, len);
	}

	/**
	 * At the first byte above 0x7F: UTF-8 if it starts a valid sequence, else
	 * Windows-1252.
	 */
	private void decide() throws IOException {
		fill(4);
		int lead = this.buffer[this.pos] & 0xFF;
		int length = (lead >= 0xF0) ? 4 : (lead >= 0xE0) ? 3 : 2;
		int end = Math.min(this.limit, this.pos + length);
		this.detecting = false;
		if (Utf8.firstInvalid(this.buffer, this.pos, end) < 0 && end - this.pos == length) {
			return;
		}
		this.report.warning(new Problem(this.line, null, null,
				String.format(
						"not UTF-8 (byte 0x%02X on row %d): read as Windows-1252, as Clarity and spreadsheets save it; "
								+ "check the accented names",
						lead, this.line)));
		InputStream rest = new SequenceInputStream(
				new ByteArrayInputStream(this.buffer, this.pos, this.limit - this.pos), this.in);
		this.pos = this.limit;
		this.decoder = new InputStreamReader(rest, WINDOWS_1252);
	}

	/** Reads until at least {@code wanted} bytes are buffered or the stream ends. */
	private boolean fill(int wanted) throws IOException {
		if (this.pos > 0 && this.limit - this.pos < wanted) {
			System.arraycopy(this.buffer, this.pos, this.buffer, 0, this.limit - this.pos);
			this.limit -= this.pos;
			this.pos = 0;
		}
		while (this.limit - this.pos < wanted && !this.eof) {
			int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read < 0) {
				this.eof = true;
			}
			else {
				this.limit += read;
			}
		}
		return this.limit > this.pos;
	}

	private int readDecoded(byte[] b, int off, int len) throws IOException {
		while (this.encodedPos >= this.encoded.length) {
			int read = this.decoder.read(this.chars, 0, this.chars.length);
			if (read < 0) {
				if (this.pendingHighSurrogate != 0) {
					this.encoded = String.valueOf(this.pendingHighSurrogate).getBytes(StandardCharsets.UTF_8);
					this.encodedPos = 0;
					this.pendingHighSurrogate = 0;
					continue;
				}
				return -1;
			}
			StringBuilder text = new StringBuilder(read + 1);
			if (this.pendingHighSurrogate != 0) {
				text.append(this.pendingHighSurrogate);
				this.pendingHighSurrogate = 0;
			}
			text.append(this.chars, 0, read);
			if (text.length() > 0 && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
				this.pendingHighSurrogate = text.charAt(text.length() - 1);
				text.setLength(text.length() - 1);
			}
			this.encoded = text.toString().getBytes(StandardCharsets.UTF_8);
			this.encodedPos = 0;
		}
		int n = Math.min(len, this.encoded.length - this.encodedPos);
		System.arraycopy(this.encoded, this.encodedPos, b, off, n);
		this.encodedPos += n;
		return n;
	}

}

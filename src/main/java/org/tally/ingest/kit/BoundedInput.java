package org.tally.ingest.kit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams that stop a hostile file before it costs memory or minutes (docs/import.md,
 * "Limits"): a zip entry's inflated bytes (an absolute cap, and a ratio to the compressed
 * bytes read so far once past the first 16 MB), and XML's shape as it streams by, counted
 * on the bytes before any parser sees them: the characters of one text node (whitespace
 * before the root, comments and CDATA included), of one tag with its attributes, the
 * element depth and the number of elements. The JDK's StAX parser caps none of the text
 * lengths, and coalesces a text node into one string. Past a limit a read throws
 * {@link Exceeded}, whose message is the problem to report.
 */
public final class BoundedInput {

	/** Inflated bytes of one zip entry, at most. */
	static final long MAX_UNZIPPED_BYTES = 1L << 30;

	/** Inflated bytes per compressed byte, at most (real detail.xml zips: about 16). */
	static final int MAX_RATIO = 100;

	/** Inflated bytes always allowed before the ratio applies. */
	static final long RATIO_FREE_BYTES = 16L << 20;

	/** Characters of one text node (or of whitespace, a comment or CDATA). */
	public static final int MAX_TEXT = 1 << 20;

	/** Characters of one tag: its name and attributes. */
	static final int MAX_TAG = 64 << 10;

	public static final int MAX_DEPTH = 64;

	static final long MAX_ELEMENTS = 5_000_000;

	private BoundedInput() {
	}

	/** A limit was passed; the message says which, for the file's problem. */
	public static final class Exceeded extends RuntimeException {

		public Exceeded(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Counts the compressed bytes a zip stream reads, for {@link #unzipped}; not closed
	 * by its readers.
	 */
	public static final class Compressed extends Watched {

		private long count;

		public Compressed(InputStream in) {
			super(in);
		}

		@Override
		void seen(byte[] b, int off, int n) {
			this.count += n;
		}

		@Override
		public void close() {
			// the caller's stream is not closed
		}

	}

	/** The current zip entry's bytes, within the absolute and ratio caps. */
	public static InputStream unzipped(InputStream entry, Compressed compressed) {
		return new Watched(entry) {

			private long inflated;

			@Override
			void seen(byte[] b, int off, int n) {
				this.inflated += n;
				if (this.inflated > MAX_UNZIPPED_BYTES) {
					throw new Exceeded("the zip unpacks to more than " + (MAX_UNZIPPED_BYTES >> 20)
							+ " MB: refused as a zip bomb");
				}
				if (this.inflated > RATIO_FREE_BYTES && this.inflated > MAX_RATIO * compressed.count) {
					throw new Exceeded(
							"the zip unpacks to more than " + MAX_RATIO + " times its size: refused as a zip bomb");
				}
			}

			@Override
			public void close() {
				// the caller's stream is not closed
			}

		};
	}

	/** The XML's bytes, watched for the shape limits as they stream by. */
	public static InputStream xml(InputStream in) {
		return new XmlShape(in);
	}

	/**
	 * A byte-level watch of XML's runs: text, tags (quoted attribute values may hold
	 * {@code >}), comments and CDATA. UTF-8 multi-byte characters count as their bytes.
	 */
	private static final class XmlShape extends Watched {

		private static final int TEXT = 0, TAG_START = 1, TAG = 2, COMMENT = 3, CDATA = 4;

		private int state = TEXT;

		private long run;

		private int depth;

		private long elements;

		private boolean closing;

		private boolean opening;

		private byte quote;

		private int prev;

		private int prev2;

		XmlShape(InputStream in) {
			super(in);
		}

		@Override
		void seen(byte[] b, int off, int n) {
			for (int i = off; i < off + n; i++) {
				step(b[i]);
			}
		}

		private void step(byte c) {
			this.run++;
			switch (this.state) {
				case TEXT -> text(c);
				case TAG_START -> tagStart(c);
				case TAG -> tag(c);
				case COMMENT -> ends(c, '-', '-', "a comment");
				default -> ends(c, ']', ']', "a CDATA section");
			}
			this.prev2 = this.prev;
			this.prev = c;
		}

		private void text(byte c) {
			if (c == '<') {
				this.state = TAG_START;
				this.run = 1;
			}
			else if (this.run > MAX_TEXT) {
				throw new Exceeded("a text node (or whitespace) of more than " + MAX_TEXT + " characters");
			}
		}

		private void tagStart(byte c) {
			this.state = TAG;
			this.closing = c == '/';
			this.opening = c != '/' && c != '!' && c != '?';
			if (this.opening) {
				this.depth++;
				this.elements++;
				if (this.depth > MAX_DEPTH) {
					throw new Exceeded("elements nested more than " + MAX_DEPTH + " deep");
				}
				if (this.elements > MAX_ELEMENTS) {
					throw new Exceeded("more than " + MAX_ELEMENTS + " elements");
				}
			}
		}

		private void tag(byte c) {
			if (this.run > MAX_TAG) {
				throw new Exceeded("a tag (its name and attributes) of more than " + MAX_TAG + " characters");
			}
			if (this.quote != 0) {
				this.quote = (c == this.quote) ? 0 : this.quote;
				return;
			}
			if (this.opening && (c == '"' || c == '\'')) {
				this.quote = c;
			}
			else if (this.run == 4 && c == '-' && this.prev == '-' && this.prev2 == '!') {
				this.state = COMMENT;
			}
			else if (this.run == 3 && this.prev == '!' && c == '[') {
				this.state = CDATA;
			}
			else if (c == '>') {
				if (this.closing || (this.opening && this.prev == '/')) {
					this.depth--;
				}
				this.state = TEXT;
				this.run = 0;
			}
		}

		private void ends(byte c, char first, char second, String what) {
			if (c == '>' && this.prev == second && this.prev2 == first) {
				this.state = TEXT;
				this.run = 0;
			}
			else if (this.run > MAX_TEXT) {
				throw new Exceeded(what + " of more than " + MAX_TEXT + " characters");
			}
		}

	}

	/**
	 * A stream that shows every byte read, one at a time or in blocks, to {@link #seen}
	 * once: the one place the watches above count and check.
	 */
	private abstract static class Watched extends FilterInputStream {

		Watched(InputStream in) {
			super(in);
		}

		/** The {@code n} bytes just read into {@code b} from {@code off}. */
		abstract void seen(byte[] b, int off, int n);

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				seen(b, off, n);
			}
			return n;
		}

	}

}

package org.tally.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a copy of every byte read through it in a temporary file, so that an import can
 * read its body a second time (see {@link StagingWriter.CountsCollide}) when the body is
 * a request stream that cannot be read again. The file's name is removed as soon as it is
 * open (where the system allows it, as POSIX systems do): nothing is left behind, even by
 * a process that is killed mid-import; otherwise it goes on {@link #close()}.
 */
final class Spool extends FilterInputStream {

	private final FileChannel file;

	private final OutputStream copy;

	Spool(InputStream in) throws IOException {
		super(in);
		Path path = Files.createTempFile("tally-import-", ".csv");
		this.file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
				StandardOpenOption.DELETE_ON_CLOSE);
		try {
			Files.delete(path);
		}
		catch (IOException ex) {
			// an open file cannot be removed here: it goes when the channel closes
		}
		this.copy = Channels.newOutputStream(this.file);
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.copy.write(b);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = super.read(b, off, len);
		if (n > 0) {
			this.copy.write(b, off, n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		byte[] skipped = new byte[(int) Math.min(n, 8192)];
		int read = read(skipped, 0, skipped.length);
		return Math.max(read, 0);
	}

	/**
	 * Reads the rest of the body into the copy, then answers a stream of the copy from
	 * its first byte (closing it closes the copy).
	 */
	InputStream replay() throws IOException {
		byte[] rest = new byte[8192];
		while (read(rest, 0, rest.length) >= 0) {
			// every byte goes into the copy
		}
		this.file.position(0);
		return Channels.newInputStream(this.file);
	}

	/** Removes the copy; the request body is the container's to close. */
	@Override
	public void close() throws IOException {
		this.file.close();
	}

}

package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The whole body of an import, received onto disk before the import touches the database:
 * a slow upload then holds no connection and no election lock, the content hash is known
 * before any row is read (a resent file is answered "duplicate" at once), and the import
 * can read the body twice (see {@link StagingWriter.CountsCollide}). The file's name is
 * removed as soon as it is open (where the system allows it, as POSIX systems do):
 * nothing is left behind, even by a process killed mid-import; otherwise it goes on
 * {@link #close()}. Memory stays one buffer, whatever the size.
 */
final class Spool implements AutoCloseable {

	private final FileChannel file;

	private final String hash;

	private final long size;

	private Spool(FileChannel file, String hash, long size) {
		this.file = file;
		this.hash = hash;
		this.size = size;
	}

	/** Reads the body to its end into a new spool, with its SHA-256 and size. */
	static Spool of(InputStream body) throws IOException {
		Path path = Files.createTempFile("tally-import-", ".csv");
		FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
				StandardOpenOption.DELETE_ON_CLOSE);
		try {
			try {
				Files.delete(path);
			}
			catch (IOException ex) {
				// an open file cannot be removed here: it goes when the channel closes
			}
			MessageDigest sha256 = sha256();
			byte[] buffer = new byte[1 << 16];
			long size = 0;
			int n;
			while ((n = body.read(buffer)) >= 0) {
				sha256.update(buffer, 0, n);
				ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
				while (bytes.hasRemaining()) {
					file.write(bytes);
				}
				size += n;
			}
			return new Spool(file, HexFormat.of().formatHex(sha256.digest()), size);
		}
		catch (IOException | RuntimeException ex) {
			file.close();
			throw ex;
		}
	}

	/** SHA-256 of every byte, in hex. */
	String hash() {
		return this.hash;
	}

	/** How many bytes the body had. */
	long size() {
		return this.size;
	}

	/** The body from its first byte; closing the stream leaves the spool as it is. */
	InputStream open() {
		return new InputStream() {

			private long position;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (len == 0) {
					return 0;
				}
				int n = Spool.this.file.read(ByteBuffer.wrap(b, off, len), this.position);
				if (n > 0) {
					this.position += n;
				}
				return n;
			}

		};
	}

	@Override
	public void close() throws IOException {
		this.file.close();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

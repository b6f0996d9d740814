package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps files uploaded on the staff page between the preview and the confirmation, named
 * by their SHA-256, so that staff confirm exactly the bytes they previewed without
 * sending them again. They live in PostgreSQL (1 MiB chunks, streamed in and out, never
 * whole in memory), so the confirmation may reach another Tally instance than the
 * preview; they are dropped after a day.
 */
@Component
class UploadedFiles {

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private static final Duration KEEP = Duration.ofDays(1);

	static final int CHUNK = 1 << 20;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	UploadedFiles(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Streams the upload to a local file (for its hash), then into the database; answers
	 * the hash.
	 */
	String store(InputStream upload) {
		Path partial = null;
		try {
			partial = Files.createTempFile("tally-upload-", ".part");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(upload, sha256);
					OutputStream out = Files.newOutputStream(partial)) {
				in.transferTo(out);
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			Path file = partial;
			this.transaction.executeWithoutResult((status) -> save(hash, file));
			return hash;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (partial != null) {
				partial.toFile().delete();
			}
		}
	}

	private void save(String hash, Path file) {
		this.jdbc.sql("delete from staged_upload where stored_at < ?")
			.param(Timestamp.from(Instant.now().minus(KEEP)))
			.update();
		try {
			long size = Files.size(file);
			int inserted = this.jdbc.sql("""
					insert into staged_upload (hash, size) values (?, ?)
					on conflict (hash) do nothing
					""").param(hash).param(size).update();
			if (inserted == 0) {
				this.jdbc.sql("update staged_upload set stored_at = now() where hash = ?").param(hash).update();
				return;
			}
			try (InputStream in = Files.newInputStream(file)) {
				int seq = 0;
				byte[] chunk;
				while ((chunk = in.readNBytes(CHUNK)).length > 0) {
					this.jdbc.sql("insert into staged_upload_chunk (hash, seq, data) values (?, ?, ?)")
						.param(hash)
						.param(seq++)
						.param(chunk)
						.update();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The stored file with this hash, when it is still kept. */
	Optional<InputStream> open(String hash) {
		if (hash == null || !HASH.matcher(hash).matches()) {
			return Optional.empty();
		}
		boolean kept = this.jdbc.sql("select exists (select 1 from staged_upload where hash = ?)")
			.param(hash)
			.query(Boolean.class)
			.single();
		return kept ? Optional.of(new ChunkStream(hash)) : Optional.empty();
	}

	void drop(String hash) {
		if (hash != null && HASH.matcher(hash).matches()) {
			this.jdbc.sql("delete from staged_upload where hash = ?").param(hash).update();
		}
	}

	/** Reads a stored file chunk by chunk, one query per chunk. */
	private final class ChunkStream extends InputStream {

		private final String hash;

		private byte[] chunk = new byte[0];

		private int position;

		private int next;

		private boolean done;

		ChunkStream(String hash) {
			this.hash = hash;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (this.position >= this.chunk.length) {
				if (this.done) {
					return -1;
				}
				Optional<byte[]> found = UploadedFiles.this.jdbc
					.sql("select data from staged_upload_chunk where hash = ? and seq = ?")
					.param(this.hash)
					.param(this.next++)
					.query(byte[].class)
					.optional();
				if (found.isEmpty()) {
					this.done = true;
					return -1;
				}
				this.chunk = found.get();
				this.position = 0;
			}
			int count = Math.min(length, this.chunk.length - this.position);
			System.arraycopy(this.chunk, this.position, buffer, offset, count);
			this.position += count;
			return count;
		}

	}

}

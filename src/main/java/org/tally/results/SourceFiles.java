package org.tally.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files revisions applied, kept in PostgreSQL once per SHA-256 in 1 MiB chunks (so a
 * second instance behind the load balancer serves them too, and a resent file costs
 * nothing), downloadable byte for byte at
 * {@code /api/v1/elections/{e}/revisions/{n}/source} (docs/verify.md).
 */
@Component
public class SourceFiles {

	private static final int CHUNK = 1 << 20;

	private final JdbcClient jdbc;

	SourceFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the file unless a file of that hash is kept already; in the caller's
	 * transaction.
	 */
	public void store(String sha256, long size, InputStream body) {
		int inserted = this.jdbc.sql("insert into source_file (sha256, size) values (?, ?) on conflict do nothing")
			.params(sha256, size)
			.update();
		if (inserted == 0) {
			return;
		}
		try (InputStream in = body) {
			int seq = 0;
			byte[] chunk;
			while ((chunk = in.readNBytes(CHUNK)).length > 0) {
				this.jdbc.sql("insert into source_file_chunk (sha256, seq, data) values (?, ?, ?)")
					.params(sha256, seq++, chunk)
					.update();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The size of the kept file of that hash, if it is kept. */
	public Optional<Long> size(String sha256) {
		return this.jdbc.sql("select size from source_file where sha256 = ?")
			.param(sha256)
			.query(Long.class)
			.optional();
	}

	/** Writes the kept file, chunk after chunk. */
	public void copy(String sha256, OutputStream out) {
		this.jdbc.sql("select data from source_file_chunk where sha256 = ? order by seq")
			.param(sha256)
			.query((RowCallbackHandler) (rs) -> {
				try {
					out.write(rs.getBytes(1));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
	}

}

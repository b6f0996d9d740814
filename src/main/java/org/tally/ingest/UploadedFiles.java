package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Keeps files uploaded on the staff page between the preview and the confirmation, named
 * by their SHA-256, so that staff confirm exactly the bytes they previewed without
 * sending them again. Files are streamed to disk, never held in memory, and dropped after
 * a day. Each process has a folder of its own, so instances on one host never share them.
 */
@Component
class UploadedFiles {

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private static final Duration KEEP = Duration.ofDays(1);

	private final Path directory;

	UploadedFiles() throws IOException {
		this.directory = Files.createTempDirectory("tally-uploads-");
	}

	/** Streams the upload to disk; answers its hash. */
	String store(InputStream upload) {
		try {
			dropOld();
			Path partial = Files.createTempFile(this.directory, "upload-", ".part");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(upload, sha256);
					OutputStream out = Files.newOutputStream(partial)) {
				in.transferTo(out);
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			Files.move(partial, file(hash), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return hash;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The stored file with this hash, when this instance still has it. */
	Optional<InputStream> open(String hash) {
		if (hash == null || !HASH.matcher(hash).matches() || !Files.isRegularFile(file(hash))) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.newInputStream(file(hash)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	void drop(String hash) {
		if (hash != null && HASH.matcher(hash).matches()) {
			try {
				Files.deleteIfExists(file(hash));
			}
			catch (IOException ex) {
				// dropped with the old files later
			}
		}
	}

	private Path file(String hash) {
		return this.directory.resolve(hash + ".csv");
	}

	private void dropOld() throws IOException {
		Instant cutoff = Instant.now().minus(KEEP);
		try (Stream<Path> files = Files.list(this.directory)) {
			files.filter((path) -> {
				try {
					return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
				}
				catch (IOException ex) {
					return false;
				}
			}).forEach((path) -> path.toFile().delete());
		}
	}

}

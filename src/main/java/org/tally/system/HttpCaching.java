package org.tally.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The HTTP caching and compression rules the feed and the pages share: how a body's
 * strong ETag is made, how If-None-Match and Accept-Encoding are read (RFC 9110), and
 * gzip made once.
 */
public final class HttpCaching {

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private HttpCaching() {
	}

	/** The first 8 bytes of the body's SHA-256, in hex: the variable part of an ETag. */
	public static String hash(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether an If-None-Match header matches the tag (weak comparison, as RFC 9110 asks:
	 * a weak form, an entry of a list, or *).
	 */
	public static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.equals("*") || tag.equals(etag)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an {@code Accept-Encoding} header accepts gzip ({@code gzip},
	 * {@code x-gzip} or {@code *}, with no {@code q=0}).
	 */
	public static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String item : acceptEncoding.split(",")) {
			String[] parts = item.split(";");
			String coding = parts[0].strip().toLowerCase(Locale.ROOT);
			if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
				boolean refused = false;
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
					refused = refused
							|| (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0{0,3})?"));
				}
				if (!refused) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * An HTTP date as RFC 9110 spells it (IMF-fixdate: {@code Sun, 06 Nov 1994 08:49:37
	 * GMT}, the day always two digits), as Spring writes {@code Last-Modified}.
	 */
	public static String httpDate(Instant instant) {
		return HTTP_DATE.format(instant);
	}

	/** The body gzipped. */
	public static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 6 + 64);
		try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
			zip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}

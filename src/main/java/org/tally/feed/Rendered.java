package org.tally.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.MediaType;

/**
 * A response body serialized once, with its strong ETag: the revision it shows and a hash
 * of its bytes, so two instances at one revision give the same tag and any other
 * representation (another query, a test flag, a renamed contest) gets another.
 */
record Rendered(byte[] body, String etag, MediaType type) {

	static Rendered of(long revision, byte[] body, MediaType type) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return new Rendered(body, "\"" + revision + "-" + HexFormat.of().formatHex(digest, 0, 8) + "\"", type);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

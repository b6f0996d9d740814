package org.tally.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of one revision, version {@value #CHAIN} of docs/verify.md: SHA-256 over the
 * UTF-8 bytes of the canonical JSON
 * {@code {"action":…,"chain":1,"counts":[[contest,unit,choice,voteType,votes],…],"election":…,"kind":…,"previous":…,"revision":n,"source":…}},
 * fed piece by piece so that a revision of 790,000 counts never sits in memory as one
 * text. Counts must be added in the documented order. Plain Java, no Spring.
 */
public final class RevisionDigest {

	/** The version of the canonical form. */
	public static final int CHAIN = 1;

	/** The previous digest of an election's first revision. */
	public static final String GENESIS = "0".repeat(64);

	private final MessageDigest sha256 = sha256();

	private final StringBuilder pending = new StringBuilder();

	private final String tail;

	private boolean firstCount = true;

	/**
	 * Starts the digest of a revision.
	 * @param action the canonical JSON of the action, or null
	 * @param source the applied file's SHA-256 in hex, or null
	 */
	public RevisionDigest(String election, long revision, String kind, String previous, String action, String source) {
		this.pending.append("{\"action\":").append((action != null) ? action : "null");
		this.pending.append(",\"chain\":").append(CHAIN).append(",\"counts\":[");
		StringBuilder end = new StringBuilder("],\"election\":");
		CanonicalJson.string(end, election);
		end.append(",\"kind\":");
		CanonicalJson.string(end, kind);
		end.append(",\"previous\":");
		CanonicalJson.string(end, previous);
		end.append(",\"revision\":").append(revision).append(",\"source\":");
		CanonicalJson.write(end, source);
		this.tail = end.append('}').toString();
	}

	/** Adds the next count, in the order of docs/verify.md. */
	public void count(String contest, String unit, String choice, String voteType, long votes) {
		this.pending.append(this.firstCount ? "[" : ",[");
		this.firstCount = false;
		CanonicalJson.string(this.pending, contest);
		this.pending.append(',');
		CanonicalJson.string(this.pending, unit);
		this.pending.append(',');
		CanonicalJson.string(this.pending, choice);
		this.pending.append(',');
		CanonicalJson.string(this.pending, voteType);
		this.pending.append(',').append(votes).append(']');
		if (this.pending.length() > 1 << 16) {
			flush();
		}
	}

	/** The digest in lowercase hex. */
	public String finish() {
		this.pending.append(this.tail);
		flush();
		return HexFormat.of().formatHex(this.sha256.digest());
	}

	/** SHA-256 of the bytes in lowercase hex. */
	public static String sha256Hex(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes));
	}

	private void flush() {
		this.sha256.update(this.pending.toString().getBytes(StandardCharsets.UTF_8));
		this.pending.setLength(0);
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

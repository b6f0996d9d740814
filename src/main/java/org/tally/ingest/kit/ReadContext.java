package org.tally.ingest.kit;

/**
 * What a reader may need to know of the election a file is imported into: formats that
 * carry several states (AP) or a test flag (AP, NIST) check the file against it.
 *
 * @param jurisdiction the election's jurisdiction as staff wrote it ("California")
 * @param test whether the election holds rehearsal data
 */
public record ReadContext(String jurisdiction, boolean test) {

	/** For reading a file without an election (tests, tools). */
	public static final ReadContext NONE = new ReadContext("", false);

}

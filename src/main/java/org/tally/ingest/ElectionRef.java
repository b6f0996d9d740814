package org.tally.ingest;

/**
 * The election an import applies to, as the import needs it: read once, before the body
 * is received, and trusted under the election's row lock.
 */
record ElectionRef(long id, String slug, String kind, String jurisdiction, boolean test) {

	/** How a contest created by this import picks its winners. */
	String winnerRule() {
		return this.kind.endsWith("primary") ? "top-two" : "plurality";
	}

}

package org.tally.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The Allegheny County 2023 cut (two contests sharing one text) and the same file with
 * one more vote counted than it states: what the reconciliation tests import.
 */
final class ClarityDetailReconciliation {

	static final String ALLEGHENY = "ingest/clarity-detail-pa-allegheny-2023-sharpsburg-cut.xml";

	private static final String DIST_1 = "<Precinct name=\"Sharpsburg Dist 1\" votes=\"";

	private ClarityDetailReconciliation() {
	}

	/**
	 * The file with contest 0382 before 0381 (a site may reorder its contests): read by
	 * text alone, 0382 would now take the plain text and 0381 the key's label.
	 */
	static byte[] contestsSwapped(byte[] file) {
		String xml = new String(file, StandardCharsets.UTF_8);
		int first = xml.indexOf("    <Contest key=\"0381\"");
		int second = xml.indexOf("    <Contest key=\"0382\"");
		int end = xml.indexOf("</ElectionResult>");
		return (xml.substring(0, first) + xml.substring(second, end) + xml.substring(first, second)
				+ xml.substring(end))
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The file with contest 0382's text written as the site might later write it. */
	static byte[] secondContestRenamed(byte[] file) {
		return new String(file, StandardCharsets.UTF_8)
			.replace("<Contest key=\"0382\" text=\"Member of Council Sharpsburg (2 Year Term)\"",
					"<Contest key=\"0382\" text=\"Member of Council Sharpsburg (2-Year Term)\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The file half an hour later, with one more Election Day vote for Adrianne Laing
	 * (contest 0382) in Sharpsburg Dist 1, her {@code totalVotes} and the vote type's
	 * {@code votes} left as they were.
	 */
	static byte[] oneMoreVoteForLaing(byte[] file) {
		String later = new String(file, StandardCharsets.UTF_8).replace("11/27/2023 11:11:04 AM EST",
				"11/27/2023 11:41:04 AM EST");
		int laing = later.indexOf("text=\"Adrianne Laing\"");
		int value = later.indexOf(DIST_1, laing) + DIST_1.length();
		int end = later.indexOf('"', value);
		int before = Integer.parseInt(later.substring(value, end));
		return (later.substring(0, value) + (before + 1) + later.substring(end)).getBytes(StandardCharsets.UTF_8);
	}

}

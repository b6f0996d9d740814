package org.tally.ingest.clarity;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;

/**
 * Where a Clarity detail.xml's reading is: the parser, and the contest, choice and vote
 * type it is in, which every problem names as its location; with the attributes and
 * counts read there.
 */
final class ClarityCursor {

	/** More than any electorate: a larger count is a typo or a corrupt file. */
	private static final long MAX_VOTES = 1_000_000_000_000L;

	/** A count that could not be read, and was reported. */
	static final long BAD = -2;

	private static final long NOT_A_COUNT = -1;

	private static final long TOO_LARGE = -3;

	private final XMLStreamReader xml;

	private final ReaderReport report;

	/** The current contest's label in Tally: its text, or its own when shared. */
	String contest;

	/** The current contest's element path: its key and text as the file writes them. */
	String contestPath;

	String choice;

	String voteType;

	/** The site's region ("Allegheny"), where the file names it. */
	String region;

	ClarityCursor(XMLStreamReader xml, ReaderReport report) {
		this.xml = xml;
		this.report = report;
	}

	long votes(String text, String attribute) {
		return votes(text, attribute, null, null);
	}

	/** A vote count: -1 when absent, {@link #BAD} (reported) when not a count. */
	long votes(String text, String attribute, String unit, String element) {
		if (text == null) {
			if (unit != null) {
				problem(attribute, null, "no votes for " + unit);
				return BAD;
			}
			return -1;
		}
		long votes = count(text);
		if (votes >= 0) {
			return votes;
		}
		String reason = text.strip().startsWith("-") ? "negative votes"
				: (votes == TOO_LARGE) ? "more than 10^12 votes: a typo or a corrupt file" : "not a whole number";
		this.problem(new Problem(line(), attribute, text, reason, location(element, unit)));
		return BAD;
	}

	/** A plain whole number, or a negative code. */
	static long count(String text) {
		String digits = text.strip();
		if (digits.isEmpty() || digits.length() > 13) {
			return digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) ? NOT_A_COUNT : TOO_LARGE;
		}
		long value = 0;
		for (int i = 0; i < digits.length(); i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				return NOT_A_COUNT;
			}
			value = value * 10 + (c - '0');
		}
		return (value > MAX_VOTES) ? TOO_LARGE : value;
	}

	/** A count attribute that may be absent or unusable: -1 then. */
	long optionalCount(String attribute) {
		String text = attribute(attribute);
		if (text == null) {
			return -1;
		}
		long value = count(text);
		if (value < 0) {
			problem(attribute, text, "not a whole number");
		}
		return value;
	}

	String attribute(String name) {
		return this.xml.getAttributeValue(null, name);
	}

	/** Skips the rest of the current element, whatever is inside. */
	void skip() throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	long line() {
		return Math.max(this.xml.getLocation().getLineNumber(), 0);
	}

	String location(String element) {
		return location(element, null);
	}

	String location(String element, String unit) {
		StringBuilder path = new StringBuilder("/ElectionResult");
		if (this.contestPath != null) {
			path.setLength(0);
			path.append(this.contestPath);
		}
		if (this.choice != null) {
			path.append("/Choice[@text='").append(this.choice).append("']");
		}
		if (this.voteType != null && this.choice != null) {
			path.append("/VoteType[@name='").append(this.voteType).append("']");
		}
		if (element != null) {
			path.append('/').append(element);
			if (unit != null) {
				path.append("[@name='").append(unit).append("']");
			}
		}
		return path.toString();
	}

	void problem(String attribute, String value, String message) {
		problem(new Problem(line(), attribute, value, message,
				(this.contest != null) ? location(this.xml.isStartElement() ? this.xml.getLocalName() : null) : null));
	}

	void problem(Problem problem) {
		this.report.problem(problem);
	}

	/**
	 * The scope of the file's keys: the site's region, whose own numbering the keys are
	 * ("clarity:Allegheny").
	 */
	String keyScope() {
		return "clarity:" + ((this.region != null && !this.region.isEmpty()) ? this.region : "");
	}

	String regionName() {
		return (this.region != null && !this.region.isEmpty()) ? this.region : "the file's region";
	}

	static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

}

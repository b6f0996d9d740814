package org.tally.ingest.clarity;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.SourceKeys;
import org.tally.ingest.kit.StatedTotal;
import org.tally.ingest.kit.VoteFor;

/**
 * Reads Clarity's {@code detail.xml} (the richest file every Clarity election-night site
 * publishes, as {@code detailxml.zip}) with StAX, in one pass: memory holds one choice's
 * counts and the turnout of the units, never the file.
 * <p>
 * Both layouts: a state site's ({@code ElectionVoterTurnout/Counties}, counts per
 * {@code County}) and a county site's ({@code VoterTurnout/Precincts}, counts per
 * {@code Precinct}, under the county the import names, as for summary.csv). This class
 * reads the document, its turnout and its contests; each contest's choices are read by
 * {@link ClarityChoiceReader}.
 * <p>
 * A DOCTYPE is refused outright, and the parser neither reads DTDs nor resolves external
 * entities, so neither XXE nor an entity bomb is possible.
 */
public final class ClarityDetailReader {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

	private static final Map<String, ZoneOffset> US_ZONES = Map.ofEntries(Map.entry("UTC", ZoneOffset.UTC),
			Map.entry("GMT", ZoneOffset.UTC), Map.entry("EST", ZoneOffset.ofHours(-5)),
			Map.entry("EDT", ZoneOffset.ofHours(-4)), Map.entry("CST", ZoneOffset.ofHours(-6)),
			Map.entry("CDT", ZoneOffset.ofHours(-5)), Map.entry("MST", ZoneOffset.ofHours(-7)),
			Map.entry("MDT", ZoneOffset.ofHours(-6)), Map.entry("PST", ZoneOffset.ofHours(-8)),
			Map.entry("PDT", ZoneOffset.ofHours(-7)), Map.entry("AKST", ZoneOffset.ofHours(-9)),
			Map.entry("AKDT", ZoneOffset.ofHours(-8)), Map.entry("HST", ZoneOffset.ofHours(-10)),
			Map.entry("AST", ZoneOffset.ofHours(-4)));

	private final XMLStreamReader xml;

	private final RowSink sink;

	private final ReaderReport report;

	/**
	 * Where the reading is: the parser, and the contest, choice and vote type it is in.
	 */
	private final ClarityCursor at;

	private final ClarityRows rows;

	/** The units' turnout, and each contest's progress. */
	private final ClarityProgress progress;

	private final SourceKeys contestKeys = new SourceKeys();

	private final ClarityChoiceReader choices;

	private ClarityDetailReader(XMLStreamReader xml, RowSink sink) {
		this.xml = xml;
		this.sink = sink;
		this.report = new ReaderReport(sink);
		this.at = new ClarityCursor(xml, this.report);
		this.progress = new ClarityProgress(sink, this.at);
		this.rows = new ClarityRows(sink, this.report);
		this.choices = new ClarityChoiceReader(xml, sink, this.report, this.at, this.rows, this.progress);
	}

	/**
	 * Reads a detail.xml, or the zip it comes in, calling the sink as it goes. Never
	 * throws for bad content: a file that is not well-formed, not Clarity's, a damaged or
	 * truncated zip, or a bad count is a problem for the sink.
	 * @param in the file; the first bytes tell a zip from XML; not closed
	 * @throws IOException only when the stream itself fails
	 */
	public static ReadSummary read(InputStream in, RowSink sink) throws IOException {
		return ClarityXmlSource.read(in, sink, (xml, counter) -> {
			ClarityDetailReader reader = new ClarityDetailReader(xml, counter);
			return new ClarityXmlSource.Document() {

				@Override
				public void read() throws XMLStreamException {
					reader.readDocument();
				}

				@Override
				public long rows() {
					return reader.rows.rows();
				}

			};
		});
	}

	private void readDocument() throws XMLStreamException {
		int event;
		while ((event = this.xml.next()) != XMLStreamConstants.START_ELEMENT) {
			if (event == XMLStreamConstants.DTD) {
				this.at.problem(null, null,
						"a DOCTYPE is not allowed: Clarity's detail.xml has none, and Tally expands no "
								+ "entities (XML bombs, external entities)");
				return;
			}
			if (event == XMLStreamConstants.END_DOCUMENT) {
				this.at.problem(null, null, "no XML element in the file");
				return;
			}
		}
		String root = this.xml.getLocalName();
		if (!root.equals("ElectionResult")) {
			this.at.problem(new Problem(this.at.line(), null, root,
					root.equalsIgnoreCase("html") ? "this is a web page, not the detail.xml it links to"
							: "not a Clarity detail.xml: the root element is <" + root + ">, expected <ElectionResult>",
					"/" + root));
			return;
		}
		boolean contests = false;
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (this.xml.getLocalName()) {
				case "Timestamp" -> timestamp(this.xml.getElementText());
				case "Region" -> this.at.region = this.xml.getElementText().strip();
				case "ElectionVoterTurnout", "VoterTurnout" -> turnout();
				case "Contest" -> {
					contests = true;
					contest();
				}
				default -> this.at.skip();
			}
		}
		if (!contests) {
			this.at.problem(null, null, "no <Contest> in the file: nothing to import");
		}
	}

	private void timestamp(String text) {
		String stamp = text.strip();
		int space = stamp.lastIndexOf(' ');
		ZoneOffset zone = (space > 0) ? US_ZONES.get(stamp.substring(space + 1).toUpperCase(Locale.ROOT)) : null;
		try {
			if (zone == null) {
				throw new DateTimeParseException("unknown time zone", stamp, 0);
			}
			this.sink.sourceUpdatedAt(LocalDateTime.parse(stamp.substring(0, space), TIMESTAMP).toInstant(zone));
		}
		catch (DateTimeParseException ex) {
			warn(new Problem(this.at.line(), null, stamp,
					"Timestamp not understood (expected like 11/14/2017 12:31:01 PM EST): the import has no source time",
					"/ElectionResult/Timestamp"));
		}
	}

	/**
	 * {@code <ElectionVoterTurnout><Counties><County .../>} or
	 * {@code VoterTurnout/Precincts/Precinct}.
	 */
	private void turnout() throws XMLStreamException {
		String section = this.xml.getLocalName();
		long statedRegistered = this.at.optionalCount("totalVoters");
		long statedCast = this.at.optionalCount("ballotsCast");
		long[] sums = new long[2];
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				String element = this.xml.getLocalName();
				if (element.equals("County") || element.equals("Precinct")) {
					String name = this.at.attribute("name");
					if (name != null) {
						long registered = this.at.optionalCount("totalVoters");
						long cast = this.at.optionalCount("ballotsCast");
						this.progress.turnout.put(name, new long[] { registered, cast });
						sums[0] += Math.max(registered, 0);
						sums[1] += Math.max(cast, 0);
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		statedTurnout(section, "totalVoters", "registered-voters", statedRegistered, sums[0]);
		statedTurnout(section, "ballotsCast", "ballots-cast", statedCast, sums[1]);
	}

	/** The region's turnout as the section states it, against its units' sum. */
	private void statedTurnout(String section, String attribute, String figure, long stated, long units) {
		if (stated >= 0 && !this.progress.turnout.isEmpty()) {
			this.sink.stated(new StatedTotal(null, null, this.at.regionName(), figure, stated, units,
					"/ElectionResult/" + section + "/@" + attribute));
		}
	}

	private void contest() throws XMLStreamException {
		long line = this.at.line();
		String text = this.at.attribute("text");
		if (text == null || text.isBlank()) {
			this.at.problem("text", text, "a <Contest> needs its text (the contest's name)");
			this.at.skip();
			return;
		}
		String office = text.strip();
		Integer seats = null;
		VoteFor voteFor = VoteFor.in(office);
		if (voteFor != null) {
			seats = voteFor.seats();
			office = voteFor.office();
		}
		String stated = this.at.attribute("voteFor");
		if (stated != null && !stated.isBlank()) {
			long n = ClarityCursor.count(stated);
			if (n < 1 || n > 100) {
				this.at.problem("voteFor", stated, "voteFor must be a whole number from 1 to 100");
			}
			else {
				seats = (int) n;
			}
		}
		nameContest(office, line);
		office = this.at.contest;
		// isQuestion="true": a ballot question, whose choices are its answers
		boolean measure = "true".equalsIgnoreCase(ClarityCursor.strip(this.at.attribute("isQuestion")));
		if (seats != null || measure) {
			this.sink.contest(new ContestRow(line, office, "", measure, measure ? null : seats));
		}
		long reported = this.at.optionalCount("precinctsReported");
		long participating = this.at.optionalCount("precinctsParticipating");
		if (participating < 0) {
			// county sites' older layout names the precincts taking part
			// "precinctsReporting"
			participating = this.at.optionalCount("precinctsReporting");
		}
		this.rows.contestUnits().clear();
		Map<String, long[]> countyProgress = new LinkedHashMap<>();
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (this.xml.getLocalName()) {
				case "Choice" -> this.choices.read();
				case "ParticipatingCounties" -> participatingCounties(countyProgress);
				case "VoteType" -> ClarityOtherCounts.read(this.xml, office, this.at.contestPath, this.sink);
				default -> this.at.skip();
			}
		}
		this.progress.contest(line, office, reported, participating, countyProgress, this.rows.contestUnits());
		this.at.contest = null;
		this.at.contestPath = null;
	}

	/**
	 * Names the contest: its label in Tally (its text, or its own when another contest
	 * has the same), its path and reconciliation name, and its key.
	 */
	private void nameContest(String office, long line) {
		String key = ClarityCursor.strip(this.at.attribute("key"));
		this.at.contestPath = "/ElectionResult/Contest"
				+ ((key != null && !key.isEmpty()) ? "[@key='" + key + "']" : "") + "[@text='" + office + "']";
		String named = office + ((key != null && !key.isEmpty()) ? " [key " + key + "]" : "");
		this.at.contest = this.contestKeys.label(key, office, null);
		if (!this.at.contest.equals(office)) {
			warn(new Problem(line, "key", key,
					"contest key " + key + " has the same text as contest key " + this.contestKeys.firstKey(office)
							+ " ('" + office + "'): two contests, this one read as '" + this.at.contest + "'",
					this.at.contestPath));
		}
		String contestKey = (key != null && !key.isEmpty()) ? key : null;
		this.choices.contest(named, contestKey);
		if (contestKey != null) {
			this.sink.key(
					SourceKey.contest(this.at.keyScope(), key, this.at.contest, "", office, line, this.at.contestPath));
		}
	}

	private void participatingCounties(Map<String, long[]> progress) throws XMLStreamException {
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			if (this.xml.getLocalName().equals("County")) {
				String name = this.at.attribute("name");
				if (name != null) {
					progress.put(name, new long[] { this.at.optionalCount("precinctsReported"),
							this.at.optionalCount("precinctsParticipating"), this.at.line() });
				}
			}
			this.at.skip();
		}
	}

	private void warn(Problem warning) {
		this.report.warning(warning);
	}

}

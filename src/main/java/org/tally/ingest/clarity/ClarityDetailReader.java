package org.tally.ingest.clarity;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.SourceKeys;
import org.tally.ingest.kit.StatedTotal;
import org.tally.ingest.kit.VoteFor;
import org.tally.results.VoteType;

/**
 * Reads Clarity's {@code detail.xml} (the richest file every Clarity election-night site
 * publishes, as {@code detailxml.zip}) with StAX, in one pass: memory holds one choice's
 * counts and the turnout of the units, never the file.
 * <p>
 * Both layouts: a state site's ({@code ElectionVoterTurnout/Counties}, counts per
 * {@code County}) and a county site's ({@code VoterTurnout/Precincts}, counts per
 * {@code Precinct}, under the county the import names, as for summary.csv). A
 * {@code VoteType} without units inside counts for the whole region. Each choice's total
 * in a unit is the "Total Votes" type when the file states one, else the sum of its vote
 * types; over- and under-votes are never votes (see {@link ClarityVoteTypes}).
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

	private final Set<String> warnedTypes = new HashSet<>();

	/** The units' turnout, and each contest's progress. */
	private final ClarityProgress progress;

	/** The current contest as reconciliation names it: text and key. */
	private String contestNamed;

	private final SourceKeys contestKeys = new SourceKeys();

	/** The current contest's key, or {@code null} when it has none. */
	private String contestKey;

	private final SourceKeys choiceKeys = new SourceKeys();

	/** The site's region ("Allegheny"), where the file names it. */
	private String region;

	private ClarityVoteTypes.Kind kind;

	private long voteTypeLine;

	private ClarityDetailReader(XMLStreamReader xml, RowSink sink) {
		this.xml = xml;
		this.sink = sink;
		this.report = new ReaderReport(sink);
		this.at = new ClarityCursor(xml, this.report);
		this.progress = new ClarityProgress(sink, this.at);
		this.rows = new ClarityRows(sink, this.report);
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
				case "Region" -> this.region = this.xml.getElementText().strip();
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
			this.sink.stated(new StatedTotal(null, null, regionName(), figure, stated, units,
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
		boolean measure = "true".equalsIgnoreCase(strip(this.at.attribute("isQuestion")));
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
				case "Choice" -> choice();
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
		String key = strip(this.at.attribute("key"));
		this.at.contestPath = "/ElectionResult/Contest"
				+ ((key != null && !key.isEmpty()) ? "[@key='" + key + "']" : "") + "[@text='" + office + "']";
		this.contestNamed = office + ((key != null && !key.isEmpty()) ? " [key " + key + "]" : "");
		this.at.contest = this.contestKeys.label(key, office, null);
		this.choiceKeys.clear();
		if (!this.at.contest.equals(office)) {
			warn(new Problem(line, "key", key,
					"contest key " + key + " has the same text as contest key " + this.contestKeys.firstKey(office)
							+ " ('" + office + "'): two contests, this one read as '" + this.at.contest + "'",
					this.at.contestPath));
		}
		this.contestKey = (key != null && !key.isEmpty()) ? key : null;
		if (this.contestKey != null) {
			this.sink.key(SourceKey.contest(keyScope(), key, this.at.contest, "", office, line, this.at.contestPath));
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

	private void choice() throws XMLStreamException {
		String written = this.at.attribute("text");
		if (written == null || written.isBlank()) {
			// some sites publish a blank choice beside the real ones: nothing can be
			// counted for it, and the others are still good
			if (this.report.warnings() < ClarityRows.MAX_WARNINGS) {
				warn(new Problem(this.at.line(), "text", this.at.attribute("totalVotes"),
						"a <Choice> without its text (the choice's name): left out", this.at.location("Choice")));
			}
			this.at.skip();
			return;
		}
		this.at.choice = written;
		String choiceKey = strip(this.at.attribute("key"));
		String party = this.at.attribute("party");
		// read only when the choice has no VoteType, and then as its vote types would be
		String totalVotes = this.at.attribute("totalVotes");
		long choiceTotal = -1;
		this.rows.choice();
		boolean ok = true;
		boolean voteTypes = false;
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			if (this.xml.getLocalName().equals("VoteType")) {
				voteTypes = true;
				ok &= voteType();
			}
			else {
				this.at.skip();
			}
		}
		if (ok && !voteTypes && totalVotes != null) {
			choiceTotal = this.at.votes(totalVotes, "totalVotes");
			ok = choiceTotal != ClarityCursor.BAD;
		}
		if (ok && !voteTypes && choiceTotal >= 0) {
			// a file that gives only the choice's totalVotes: the region's total
			this.kind = ClarityVoteTypes.of("Total Votes");
			add("", choiceTotal);
		}
		if (ok) {
			long computed = emit(written, party, choiceKey);
			long stated = (voteTypes && totalVotes != null) ? ClarityCursor.count(totalVotes.strip()) : -1;
			if (stated >= 0) {
				this.sink.stated(new StatedTotal(this.contestNamed, written, regionName(), VoteType.TOTAL.code(),
						stated, computed, this.at.contestPath + "/Choice[@text='" + written + "']/@totalVotes"));
			}
		}
		this.at.choice = null;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	/**
	 * Adds one vote type's counts, unit by unit, to the choice's.
	 * @return whether every count could be read
	 */
	private boolean voteType() throws XMLStreamException {
		String name = this.at.attribute("name");
		this.at.voteType = (name != null) ? name : "";
		this.voteTypeLine = this.at.line();
		this.kind = ClarityVoteTypes.of(this.at.voteType);
		if (this.kind.meaning() == ClarityVoteTypes.Meaning.NOT_VOTES) {
			this.at.skip();
			return true;
		}
		this.rows.voteType();
		if (this.kind.meaning() == ClarityVoteTypes.Meaning.OTHER && this.warnedTypes.add(this.at.voteType)
				&& this.report.warnings() < ClarityRows.MAX_WARNINGS) {
			warn(new Problem(this.voteTypeLine, "name", this.at.voteType, "vote type '" + this.at.voteType
					+ "' is none Tally splits by (election day, mail, early, provisional): its votes count toward "
					+ "the total only", this.at.location(null)));
		}
		long regionVotes = this.at.votes(this.at.attribute("votes"), "votes");
		boolean ok = regionVotes != ClarityCursor.BAD;
		boolean anyUnit = false;
		long unitVotes = 0;
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String element = this.xml.getLocalName();
			String unit = this.at.attribute("name");
			if (unit == null || unit.isBlank()) {
				this.at.problem("name", unit, "a <" + element + "> needs its name");
				ok = false;
			}
			else {
				anyUnit = true;
				long votes = this.at.votes(this.at.attribute("votes"), "votes", unit, element);
				if (votes == ClarityCursor.BAD) {
					ok = false;
				}
				else {
					boolean county = element.equals("County");
					this.progress.counties |= county;
					this.rows.unit(unit, county);
					add(unit, votes);
					unitVotes += votes;
				}
			}
			this.at.skip();
		}
		if (!anyUnit && ok && regionVotes >= 0) {
			add("", regionVotes);
		}
		else if (anyUnit && ok && regionVotes >= 0) {
			this.sink.stated(new StatedTotal(this.contestNamed, this.at.choice, regionName(), this.at.voteType,
					regionVotes, unitVotes, this.at.location(null) + "/@votes"));
		}
		return ok;
	}

	private void add(String unit, long votes) {
		this.rows.add(unit, votes, this.kind, this.at.voteType, this.at.line());
	}

	/**
	 * The scope of the file's keys: the site's region, whose own numbering the keys are
	 * ("clarity:Allegheny").
	 */
	private String keyScope() {
		return "clarity:" + ((this.region != null && !this.region.isEmpty()) ? this.region : "");
	}

	private String regionName() {
		return (this.region != null && !this.region.isEmpty()) ? this.region : "the file's region";
	}

	/**
	 * The choice's counts, unit by unit: the total, then the split.
	 * @return the sum of the units' totals: what Tally counts for the choice
	 */
	private long emit(String written, String party, String key) {
		ChoiceNameNormaliser.Name normalised = ChoiceNameNormaliser.normalise(written, party);
		String label = this.choiceKeys.label(key, normalised.name(), null);
		if (!label.equals(normalised.name())) {
			warn(new Problem(this.at.line(), "key", key,
					"choice key " + key + " of " + this.contestNamed + " has the same name as choice key "
							+ this.choiceKeys.firstKey(normalised.name()) + ": two choices, this one read as '" + label
							+ "'",
					this.at.contestPath + "/Choice[@text='" + written + "']"));
		}
		if (this.contestKey != null && key != null && !key.isEmpty()) {
			this.sink.key(SourceKey.choice(keyScope(), this.contestKey + "/" + key, this.at.contest, "", label, written,
					this.at.line(), this.at.contestPath + "/Choice[@text='" + written + "']"));
		}
		ChoiceNameNormaliser.Name name = new ChoiceNameNormaliser.Name(label, normalised.party(),
				normalised.incumbent());
		// a choice named like over-votes, under-votes or blanks: the contest's other
		// counts
		OtherCountRow.Kind other = ClarityOtherCounts.kindOfChoice(written, this.sink, this.at.contestPath,
				this.warnedTypes);
		return this.rows.emit(this.at.contest, this.at.contestPath, written, name, other);
	}

	private void warn(Problem warning) {
		this.report.warning(warning);
	}

}

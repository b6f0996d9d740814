package org.tally.ingest.clarity;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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
import org.tally.ingest.kit.ProgressRow;
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

	/** More than any electorate: a larger count is a typo or a corrupt file. */
	private static final long MAX_VOTES = 1_000_000_000_000L;

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

	private final ClarityRows rows;

	private final Set<String> warnedTypes = new HashSet<>();

	/** Registered voters and ballots cast by unit name, from the turnout section. */
	private final Map<String, long[]> turnout = new HashMap<>();

	private boolean counties;

	/** The current contest's label in Tally: its text, or its own when shared. */
	private String contest;

	/** The current contest's element path: its key and text as the file writes them. */
	private String contestPath;

	/** The current contest as reconciliation names it: text and key. */
	private String contestNamed;

	private final SourceKeys contestKeys = new SourceKeys();

	/** The current contest's key, or {@code null} when it has none. */
	private String contestKey;

	private final SourceKeys choiceKeys = new SourceKeys();

	/** The site's region ("Allegheny"), where the file names it. */
	private String region;

	private String choice;

	private String voteType;

	private ClarityVoteTypes.Kind kind;

	private long voteTypeLine;

	private ClarityDetailReader(XMLStreamReader xml, RowSink sink) {
		this.xml = xml;
		this.sink = sink;
		this.report = new ReaderReport(sink);
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
				problem(null, null, "a DOCTYPE is not allowed: Clarity's detail.xml has none, and Tally expands no "
						+ "entities (XML bombs, external entities)");
				return;
			}
			if (event == XMLStreamConstants.END_DOCUMENT) {
				problem(null, null, "no XML element in the file");
				return;
			}
		}
		String root = this.xml.getLocalName();
		if (!root.equals("ElectionResult")) {
			problem(new Problem(line(), null, root,
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
				default -> skip();
			}
		}
		if (!contests) {
			problem(null, null, "no <Contest> in the file: nothing to import");
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
			warn(new Problem(line(), null, stamp,
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
		long statedRegistered = optionalCount("totalVoters");
		long statedCast = optionalCount("ballotsCast");
		long[] sums = new long[2];
		int depth = 1;
		while (depth > 0) {
			int event = this.xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				String element = this.xml.getLocalName();
				if (element.equals("County") || element.equals("Precinct")) {
					String name = attribute("name");
					if (name != null) {
						long registered = optionalCount("totalVoters");
						long cast = optionalCount("ballotsCast");
						this.turnout.put(name, new long[] { registered, cast });
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
		if (stated >= 0 && !this.turnout.isEmpty()) {
			this.sink.stated(new StatedTotal(null, null, regionName(), figure, stated, units,
					"/ElectionResult/" + section + "/@" + attribute));
		}
	}

	private void contest() throws XMLStreamException {
		long line = line();
		String text = attribute("text");
		if (text == null || text.isBlank()) {
			problem("text", text, "a <Contest> needs its text (the contest's name)");
			skip();
			return;
		}
		String office = text.strip();
		Integer seats = null;
		VoteFor voteFor = VoteFor.in(office);
		if (voteFor != null) {
			seats = voteFor.seats();
			office = voteFor.office();
		}
		String stated = attribute("voteFor");
		if (stated != null && !stated.isBlank()) {
			long n = count(stated);
			if (n < 1 || n > 100) {
				problem("voteFor", stated, "voteFor must be a whole number from 1 to 100");
			}
			else {
				seats = (int) n;
			}
		}
		String key = strip(attribute("key"));
		this.contestPath = "/ElectionResult/Contest" + ((key != null && !key.isEmpty()) ? "[@key='" + key + "']" : "")
				+ "[@text='" + office + "']";
		this.contestNamed = office + ((key != null && !key.isEmpty()) ? " [key " + key + "]" : "");
		this.contest = this.contestKeys.label(key, office, null);
		this.choiceKeys.clear();
		if (!this.contest.equals(office)) {
			warn(new Problem(line, "key", key,
					"contest key " + key + " has the same text as contest key " + this.contestKeys.firstKey(office)
							+ " ('" + office + "'): two contests, this one read as '" + this.contest + "'",
					this.contestPath));
		}
		this.contestKey = (key != null && !key.isEmpty()) ? key : null;
		if (this.contestKey != null) {
			this.sink.key(SourceKey.contest(keyScope(), key, this.contest, "", office, line, this.contestPath));
		}
		office = this.contest;
		// isQuestion="true": a ballot question, whose choices are its answers
		boolean measure = "true".equalsIgnoreCase(strip(attribute("isQuestion")));
		if (seats != null || measure) {
			this.sink.contest(new ContestRow(line, office, "", measure, measure ? null : seats));
		}
		long reported = optionalCount("precinctsReported");
		long participating = optionalCount("precinctsParticipating");
		if (participating < 0) {
			// county sites' older layout names the precincts taking part
			// "precinctsReporting"
			participating = optionalCount("precinctsReporting");
		}
		this.rows.contestUnits().clear();
		Map<String, long[]> countyProgress = new LinkedHashMap<>();
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			switch (this.xml.getLocalName()) {
				case "Choice" -> choice();
				case "ParticipatingCounties" -> participatingCounties(countyProgress);
				case "VoteType" -> ClarityOtherCounts.read(this.xml, office, this.contestPath, this.sink);
				default -> skip();
			}
		}
		contestProgress(line, office, reported, participating, countyProgress);
		this.contest = null;
		this.contestPath = null;
	}

	private void participatingCounties(Map<String, long[]> progress) throws XMLStreamException {
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			if (this.xml.getLocalName().equals("County")) {
				String name = attribute("name");
				if (name != null) {
					progress.put(name, new long[] { optionalCount("precinctsReported"),
							optionalCount("precinctsParticipating"), line() });
				}
			}
			skip();
		}
	}

	/**
	 * A state site's counties each report their own progress; a county site's contest
	 * reports the county's, with registered voters and ballots cast summed over the
	 * precincts the contest's counts name.
	 */
	private void contestProgress(long line, String office, long reported, long participating,
			Map<String, long[]> countyProgress) {
		if (!countyProgress.isEmpty()) {
			countyProgress.forEach((county, figures) -> {
				long[] turnout = this.turnout.get(county);
				progress(figures[2],
						"/ElectionResult/Contest[@text='" + office + "']/ParticipatingCounties/County[@name='" + county
								+ "']",
						county, office, figures[0], figures[1], (turnout != null) ? turnout[1] : -1,
						(turnout != null && turnout[0] > 0) ? turnout[0] : -1);
			});
			return;
		}
		// pseudo-precincts ("Clayton Mail-In Ballot") have no registered voters of their
		// own: zero adds nothing, and only a contest whose units all say zero is unknown
		long registered = 0;
		long cast = 0;
		for (String unit : this.rows.contestUnits()) {
			long[] turnout = this.turnout.get(unit);
			if (turnout != null) {
				registered += Math.max(turnout[0], 0);
				cast += Math.max(turnout[1], 0);
			}
		}
		if (this.counties || registered == 0) {
			registered = -1;
		}
		if (this.counties || cast == 0) {
			cast = -1;
		}
		progress(line, "/ElectionResult/Contest[@text='" + office + "']", null, office, reported, participating, cast,
				registered);
	}

	private void progress(long line, String location, String county, String office, long reported, long total,
			long cast, long registered) {
		if (reported < 0 && total < 0 && cast < 0 && registered < 0) {
			return;
		}
		if (reported > Integer.MAX_VALUE || total > Integer.MAX_VALUE) {
			problem("precinctsReported", Long.toString(Math.max(reported, total)), "too many precincts");
			return;
		}
		if (reported >= 0 && total >= 0 && reported > total) {
			this.problem(new Problem(line, "precinctsReported", Long.toString(reported),
					"more precincts reported than taking part (" + total + ")",
					"/ElectionResult/Contest[@text='" + office + "']"));
			return;
		}
		this.sink.progress(new ProgressRow(line, county, null, office, "", (reported >= 0) ? (int) reported : null,
				(total >= 0) ? (int) total : null, (cast >= 0) ? cast : null, (registered >= 0) ? registered : null,
				null, null, location));
	}

	private void choice() throws XMLStreamException {
		String written = attribute("text");
		if (written == null || written.isBlank()) {
			// some sites publish a blank choice beside the real ones: nothing can be
			// counted for it, and the others are still good
			if (this.report.warnings() < ClarityRows.MAX_WARNINGS) {
				warn(new Problem(line(), "text", attribute("totalVotes"),
						"a <Choice> without its text (the choice's name): left out", location("Choice")));
			}
			skip();
			return;
		}
		this.choice = written;
		String choiceKey = strip(attribute("key"));
		String party = attribute("party");
		// read only when the choice has no VoteType, and then as its vote types would be
		String totalVotes = attribute("totalVotes");
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
				skip();
			}
		}
		if (ok && !voteTypes && totalVotes != null) {
			choiceTotal = votes(totalVotes, "totalVotes");
			ok = choiceTotal != BAD;
		}
		if (ok && !voteTypes && choiceTotal >= 0) {
			// a file that gives only the choice's totalVotes: the region's total
			this.kind = ClarityVoteTypes.of("Total Votes");
			add("", choiceTotal);
		}
		if (ok) {
			long computed = emit(written, party, choiceKey);
			long stated = (voteTypes && totalVotes != null) ? count(totalVotes.strip()) : -1;
			if (stated >= 0) {
				this.sink.stated(new StatedTotal(this.contestNamed, written, regionName(), VoteType.TOTAL.code(),
						stated, computed, this.contestPath + "/Choice[@text='" + written + "']/@totalVotes"));
			}
		}
		this.choice = null;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

	/**
	 * Adds one vote type's counts, unit by unit, to the choice's.
	 * @return whether every count could be read
	 */
	private boolean voteType() throws XMLStreamException {
		String name = attribute("name");
		this.voteType = (name != null) ? name : "";
		this.voteTypeLine = line();
		this.kind = ClarityVoteTypes.of(this.voteType);
		if (this.kind.meaning() == ClarityVoteTypes.Meaning.NOT_VOTES) {
			skip();
			return true;
		}
		this.rows.voteType();
		if (this.kind.meaning() == ClarityVoteTypes.Meaning.OTHER && this.warnedTypes.add(this.voteType)
				&& this.report.warnings() < ClarityRows.MAX_WARNINGS) {
			warn(new Problem(this.voteTypeLine, "name", this.voteType, "vote type '" + this.voteType
					+ "' is none Tally splits by (election day, mail, early, provisional): its votes count toward "
					+ "the total only", location(null)));
		}
		long regionVotes = votes(attribute("votes"), "votes");
		boolean ok = regionVotes != BAD;
		boolean anyUnit = false;
		long unitVotes = 0;
		while (this.xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String element = this.xml.getLocalName();
			String unit = attribute("name");
			if (unit == null || unit.isBlank()) {
				problem("name", unit, "a <" + element + "> needs its name");
				ok = false;
			}
			else {
				anyUnit = true;
				long votes = votes(attribute("votes"), "votes", unit, element);
				if (votes == BAD) {
					ok = false;
				}
				else {
					boolean county = element.equals("County");
					this.counties |= county;
					this.rows.unit(unit, county);
					add(unit, votes);
					unitVotes += votes;
				}
			}
			skip();
		}
		if (!anyUnit && ok && regionVotes >= 0) {
			add("", regionVotes);
		}
		else if (anyUnit && ok && regionVotes >= 0) {
			this.sink.stated(new StatedTotal(this.contestNamed, this.choice, regionName(), this.voteType, regionVotes,
					unitVotes, location(null) + "/@votes"));
		}
		return ok;
	}

	private void add(String unit, long votes) {
		this.rows.add(unit, votes, this.kind, this.voteType, line());
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
			warn(new Problem(line(), "key", key,
					"choice key " + key + " of " + this.contestNamed + " has the same name as choice key "
							+ this.choiceKeys.firstKey(normalised.name()) + ": two choices, this one read as '" + label
							+ "'",
					this.contestPath + "/Choice[@text='" + written + "']"));
		}
		if (this.contestKey != null && key != null && !key.isEmpty()) {
			this.sink.key(SourceKey.choice(keyScope(), this.contestKey + "/" + key, this.contest, "", label, written,
					line(), this.contestPath + "/Choice[@text='" + written + "']"));
		}
		ChoiceNameNormaliser.Name name = new ChoiceNameNormaliser.Name(label, normalised.party(),
				normalised.incumbent());
		// a choice named like over-votes, under-votes or blanks: the contest's other
		// counts
		OtherCountRow.Kind other = ClarityOtherCounts.kindOfChoice(written, this.sink, this.contestPath,
				this.warnedTypes);
		return this.rows.emit(this.contest, this.contestPath, written, name, other);
	}

	private static final long BAD = -2;

	private long votes(String text, String attribute) {
		return votes(text, attribute, null, null);
	}

	/** A vote count: -1 when absent, {@link #BAD} (reported) when not a count. */
	private long votes(String text, String attribute, String unit, String element) {
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

	private static final long NOT_A_COUNT = -1;

	private static final long TOO_LARGE = -3;

	/** A plain whole number, or a negative code. */
	private static long count(String text) {
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
	private long optionalCount(String attribute) {
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

	private String attribute(String name) {
		return this.xml.getAttributeValue(null, name);
	}

	/** Skips the rest of the current element, whatever is inside. */
	private void skip() throws XMLStreamException {
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

	private long line() {
		return Math.max(this.xml.getLocation().getLineNumber(), 0);
	}

	private String location(String element) {
		return location(element, null);
	}

	private String location(String element, String unit) {
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

	private void problem(String attribute, String value, String message) {
		problem(new Problem(line(), attribute, value, message,
				(this.contest != null) ? location(this.xml.isStartElement() ? this.xml.getLocalName() : null) : null));
	}

	private void problem(Problem problem) {
		this.report.problem(problem);
	}

	private void warn(Problem warning) {
		this.report.warning(warning);
	}

}

package org.tally.ingest.clarity;

import java.util.HashSet;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.SourceKeys;
import org.tally.ingest.kit.StatedTotal;
import org.tally.results.VoteType;

/**
 * Reads the {@code <Choice>} elements of a detail.xml's contests: each choice's vote
 * types, unit by unit, into counts ({@link ClarityRows}), its key and its label (its own
 * when another choice of the contest has its name), and the totals the file states beside
 * the units. A {@code VoteType} without units inside counts for the whole region. Each
 * choice's total in a unit is the "Total Votes" type when the file states one, else the
 * sum of its vote types; over- and under-votes are never votes (see
 * {@link ClarityVoteTypes}).
 */
final class ClarityChoiceReader {

	private final XMLStreamReader xml;

	private final RowSink sink;

	private final ReaderReport report;

	private final ClarityCursor at;

	private final ClarityRows rows;

	private final ClarityProgress progress;

	/** The vote types and choice names warned of, once each per file. */
	private final Set<String> warnedTypes = new HashSet<>();

	private final SourceKeys choiceKeys = new SourceKeys();

	/** The current contest as reconciliation names it: text and key. */
	private String contestNamed;

	/** The current contest's key, or {@code null} when it has none. */
	private String contestKey;

	private ClarityVoteTypes.Kind kind;

	private long voteTypeLine;

	ClarityChoiceReader(XMLStreamReader xml, RowSink sink, ReaderReport report, ClarityCursor at, ClarityRows rows,
			ClarityProgress progress) {
		this.xml = xml;
		this.sink = sink;
		this.report = report;
		this.at = at;
		this.rows = rows;
		this.progress = progress;
	}

	/**
	 * Starts a contest's choices.
	 * @param named the contest as reconciliation names it: text and key
	 * @param key the contest's key, or {@code null} when it has none
	 */
	void contest(String named, String key) {
		this.contestNamed = named;
		this.contestKey = key;
		this.choiceKeys.clear();
	}

	/** Reads a {@code <Choice>}: its counts in each vote type and unit. */
	void read() throws XMLStreamException {
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
		String choiceKey = ClarityCursor.strip(this.at.attribute("key"));
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
				this.sink
					.stated(new StatedTotal(this.contestNamed, written, this.at.regionName(), VoteType.TOTAL.code(),
							stated, computed, this.at.contestPath + "/Choice[@text='" + written + "']/@totalVotes"));
			}
		}
		this.at.choice = null;
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
			this.sink.stated(new StatedTotal(this.contestNamed, this.at.choice, this.at.regionName(), this.at.voteType,
					regionVotes, unitVotes, this.at.location(null) + "/@votes"));
		}
		return ok;
	}

	private void add(String unit, long votes) {
		this.rows.add(unit, votes, this.kind, this.at.voteType, this.at.line());
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
			this.sink.key(SourceKey.choice(this.at.keyScope(), this.contestKey + "/" + key, this.at.contest, "", label,
					written, this.at.line(), this.at.contestPath + "/Choice[@text='" + written + "']"));
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

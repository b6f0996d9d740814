package org.tally.ingest.clarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.NameKeys;

/**
 * A Clarity {@code VoteType} directly under a {@code Contest} ("Undervotes", "Overvotes";
 * Kentucky's Greenup County 2014, Georgia's Atkinson County 2020): the contest's other
 * counts, unit by unit, never votes (docs/import.md, Other counts). Its {@code County} or
 * {@code Precinct} elements are the units; a vote type with none states the region's
 * figure.
 */
final class ClarityOtherCounts {

	private static final long MAX = 1_000_000_000_000L;

	/** Choice names that are over-votes, under-votes or blanks, by their letters. */
	private static final Set<String> NAMES = Set.of("overvote", "overvotes", "undervote", "undervotes",
			"timesovervoted", "timesundervoted", "timesblankvoted", "blank", "blanks", "blankvotes", "blankballots");

	private ClarityOtherCounts() {
	}

	/**
	 * Reads the vote type the reader stands on, to its end.
	 * @param office the contest as Tally names it
	 * @param path the contest's element path
	 * @return whether every count could be read (otherwise a problem was reported)
	 */
	static boolean read(XMLStreamReader xml, String office, String path, RowSink sink) throws XMLStreamException {
		String name = xml.getAttributeValue(null, "name");
		OtherCountRow.Kind kind = (name != null) ? OtherCountRow.Kind.of(name) : null;
		String at = path + "/VoteType[@name='" + name + "']";
		long line = line(xml);
		String region = xml.getAttributeValue(null, "votes");
		List<OtherCountRow> rows = new ArrayList<>();
		boolean ok = true;
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				String element = xml.getLocalName();
				String unit = xml.getAttributeValue(null, "name");
				if (depth == 2 && kind != null && unit != null && !unit.isBlank()
						&& (element.equals("County") || element.equals("Precinct"))) {
					String unitAt = at + "/" + element + "[@name='" + unit + "']";
					long count = count(xml.getAttributeValue(null, "votes"), line(xml), unitAt, sink);
					ok &= count >= 0;
					boolean county = element.equals("County");
					rows.add(new OtherCountRow(line(xml), county ? unit : null, county ? null : unit, office, "", kind,
							count, unitAt));
				}
			}
		}
		if (kind == null) {
			sink.warning(new Problem(line, "name", name,
					"a contest's vote type '" + name + "' is not over-votes, under-votes or blanks: left out", at));
			return true;
		}
		if (rows.isEmpty() && region != null) {
			long count = count(region, line, at, sink);
			ok &= count >= 0;
			rows.add(new OtherCountRow(line, null, null, office, "", kind, count, at));
		}
		if (ok) {
			rows.forEach(sink::otherCount);
		}
		return ok;
	}

	/**
	 * What a {@code Choice} named like a statistic counts ("Over Votes", "Undervotes",
	 * "Blank"), warned once per name, or {@code null} for a real choice: such a choice is
	 * the contest's other counts, never votes.
	 */
	static OtherCountRow.Kind kindOfChoice(String written, RowSink sink, String path, Set<String> warned) {
		// by the whole name: "Don Blankenship" is a candidate
		OtherCountRow.Kind kind = (written.length() <= 40 && NAMES.contains(NameKeys.letters(written)))
				? OtherCountRow.Kind.of(written) : null;
		if (kind != null && warned.add("choice:" + written)) {
			sink.warning(new Problem(
					0, "text", written, "a choice named '" + written + "' is not a candidate: kept as "
							+ "the contest's " + kind.code() + ", never votes",
					path + "/Choice[@text='" + written + "']"));
		}
		return kind;
	}

	/** A count, or -1 after reporting why it is none. */
	private static long count(String text, long line, String at, RowSink sink) {
		String digits = (text != null) ? text.strip() : "";
		if (!digits.isEmpty() && digits.length() <= 13 && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			long value = Long.parseLong(digits);
			if (value <= MAX) {
				return value;
			}
		}
		sink.problem(new Problem(line, "votes", text,
				(text == null) ? "no count" : "not a whole number from 0 to 10^12 (over- or under-votes)", at));
		return -1;
	}

	private static long line(XMLStreamReader xml) {
		return Math.max(xml.getLocation().getLineNumber(), 0);
	}

}

package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.UnitResult;
import org.tally.results.VoteType;
import org.tally.results.VoteTypeResult;

/**
 * The contest page's split by vote type, ready to print: a table (a row per candidate,
 * votes and share within each type the source reported, then the total) and a chart (a
 * bar per type, split between the candidates by their share of that type's votes; a type
 * with no votes yet is an empty, labelled bar). Every number is the read model's
 * ({@link ContestResult#voteTypes()}), only formatted here.
 *
 * @param types the types the source reported, in the order of {@link VoteType#SPLIT}
 * @param rows a row per candidate, most votes first
 * @param bars the chart: a bar per type
 * @param legend the chart's candidates, in the order of the bars' segments
 * @param unsplit "1,234" votes of the total that no type covers, or {@code null} when
 * every vote is split
 */
public record VoteTypeSplit(List<Type> types, List<Row> rows, List<Bar> bars, List<LegendEntry> legend,
		String unsplit) {

	/**
	 * Segments with a colour and pattern of their own; later candidates share the last.
	 */
	static final int STYLES = 6;

	/** Segments at least this wide (percent) carry their candidate's name and share. */
	private static final BigDecimal LABELLED = new BigDecimal("12");

	/** Segments at least this wide (percent) keep the name on a phone too. */
	private static final BigDecimal ROOMY = new BigDecimal("30");

	/** The split of the contest, or {@code null} when its source reported none. */
	static VoteTypeSplit of(ContestResult contest, ReaderFormat format) {
		if (contest.voteTypes().isEmpty()) {
			return null;
		}
		List<Type> types = new ArrayList<>();
		List<Bar> bars = new ArrayList<>();
		for (VoteTypeResult column : contest.voteTypes()) {
			String label = label(column.type(), format);
			boolean empty = column.totalVotes() == 0;
			types.add(new Type(column.type(), label, format.votes(column.totalVotes()), empty));
			bars.add(Bar.of(label, column, format));
		}
		List<Row> rows = new ArrayList<>();
		List<LegendEntry> legend = new ArrayList<>();
		List<CandidateResult> candidates = contest.candidates();
		for (int i = 0; i < candidates.size(); i++) {
			CandidateResult candidate = candidates.get(i);
			List<Cell> cells = new ArrayList<>();
			for (VoteTypeResult column : contest.voteTypes()) {
				UnitResult.Votes votes = column.candidates().get(i);
				cells.add(new Cell(format.votes(votes.votes()),
						(column.totalVotes() == 0) ? "" : format.percent(votes.votePct())));
			}
			rows.add(new Row(candidate.name(), candidate.party(), cells, format.votes(candidate.votes()),
					(contest.totalVotes() == 0) ? "" : format.percent(candidate.votePct())));
			legend.add(new LegendEntry(candidate.name(), styleOf(i)));
		}
		String unsplit = (contest.unsplitVotes() > 0) ? format.votes(contest.unsplitVotes()) : null;
		return new VoteTypeSplit(List.copyOf(types), List.copyOf(rows), List.copyOf(bars), List.copyOf(legend),
				unsplit);
	}

	/** The chart's text alternative: each bar's words, one after the other. */
	public String description() {
		return String.join(" ", this.bars.stream().map(Bar::description).toList());
	}

	/** A vote type in the reader's language. */
	static String label(String type, ReaderFormat format) {
		return VoteType.find(type).map((found) -> format.text(found.labelKey())).orElse(type);
	}

	static String styleOf(int candidate) {
		return "seg-" + Math.min(candidate, STYLES - 1);
	}

	/**
	 * A vote type the source reported.
	 *
	 * @param code "election-day", "mail", "early" or "provisional"
	 * @param label the type in the reader's language
	 * @param total the type's votes, formatted
	 * @param empty whether none of its votes are counted yet
	 */
	public record Type(String code, String label, String total, boolean empty) {
	}

	/**
	 * A candidate's row of the table.
	 *
	 * @param cells a cell per type, in the order of {@link VoteTypeSplit#types()}
	 * @param total the candidate's votes of every type (and none), formatted
	 * @param pct the candidate's share of the contest, or an empty string without votes
	 */
	public record Row(String name, String party, List<Cell> cells, String total, String pct) {
	}

	/**
	 * A candidate's votes of one type.
	 *
	 * @param votes votes, formatted
	 * @param pct share of the type's votes, or an empty string when the type has none
	 */
	public record Cell(String votes, String pct) {
	}

	/**
	 * A name in the chart's legend.
	 *
	 * @param style the CSS class of its segments
	 */
	public record LegendEntry(String name, String style) {
	}

	/**
	 * One type's bar: its candidates' shares of its votes side by side.
	 *
	 * @param label the type in the reader's language
	 * @param total "45,000 votes"
	 * @param empty whether the type has no votes yet (an empty bar that says so)
	 * @param segments the candidates with votes of this type, in the legend's order
	 * @param description the bar in words, for readers who do not see it
	 */
	public record Bar(String label, String total, boolean empty, List<Segment> segments, String description) {

		static Bar of(String label, VoteTypeResult column, ReaderFormat format) {
			String total = format.text("types.votes", format.votes(column.totalVotes()), column.totalVotes());
			if (column.totalVotes() == 0) {
				return new Bar(label, total, true, List.of(), format.text("types.chart.empty-type", label));
			}
			List<Segment> segments = new ArrayList<>();
			List<String> words = new ArrayList<>();
			for (int i = 0; i < column.candidates().size(); i++) {
				UnitResult.Votes votes = column.candidates().get(i);
				String pct = format.percent(votes.votePct());
				words.add(format.text("types.chart.share", votes.name(), pct));
				if (votes.votes() > 0) {
					segments.add(new Segment(styleOf(i), votes.votePct().toPlainString() + "%",
							votes.name() + " " + pct, ShortName.of(votes.name()), pct,
							votes.votePct().compareTo(LABELLED) >= 0, votes.votePct().compareTo(ROOMY) >= 0));
				}
			}
			return new Bar(label, total, false, List.copyOf(segments),
					format.text("types.chart.type", label, total, String.join(", ", words)));
		}

	}

	/**
	 * One candidate's part of a bar.
	 *
	 * @param style the CSS class (colour and pattern) shared with the legend
	 * @param width its width: the candidate's shown share of the type ("60.1%")
	 * @param title the candidate's name and share, as a tooltip
	 * @param name the short name printed in the segment when it is wide enough
	 * @param pct the share printed after it
	 * @param labelled whether the segment is wide enough to carry its name and share
	 * @param roomy whether it keeps its name on a phone (narrower ones show the share)
	 */
	public record Segment(String style, String width, String title, String name, String pct, boolean labelled,
			boolean roomy) {
	}

}

package org.tally.web;

import org.tally.web.text.LocalTimes;

import org.tally.web.text.ReaderFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.tally.results.CallStatus;
import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.RaceCall;
import org.tally.results.ReportingProgress;

/**
 * A contest ready to print in the reader's language ({@link ReaderFormat}): numbers with
 * the language's separators, percentages as shown, marks in words and times in the
 * election's zone. Built once per request so templates stay simple and a page of hundreds
 * of contests renders fast.
 *
 * @param id the card's element id ("contest-" and the slug)
 * @param href the contest page's path
 * @param slug the contest's slug
 * @param name the contest's name
 * @param office the office, for the filter
 * @param searchText lower-case names the page's live search looks in
 * @param candidates the choices, most votes first
 * @param totalVotes all votes, formatted
 * @param precincts "12 of 195 precincts", or {@code null} when unknown
 * @param precinctsPct the honest percentage label with its sign ("&lt;1%", "99%"), or
 * {@code null}
 * @param precinctsBar the bar's width ("37%"), or {@code null}
 * @param expected "est. 63% of expected vote" when the contest has an estimate of its
 * final vote (the card then shows it instead of the precincts' percentage), else
 * {@code null}
 * @param expectedBar the estimate's bar width ("63%", "0.5%" for "&lt;1"), or
 * {@code null}
 * @param callStatus the call's status code, for styling
 * @param callLabel the call in words
 * @param called whether staff called the contest
 * @param callNote the note staff gave with the call, or {@code null}
 * @param margin "Gomez leads by 6,653 votes (20.2 points)", or {@code null}
 * @param updated last updated, local time
 * @param updatedUtc last updated, UTC (title attribute)
 * @param updatedIso last updated, ISO-8601 (datetime attribute)
 * @param revision the election revision that last changed the contest
 * @param delegates whether the figures are delegate equivalents, not votes (AP's
 * Democratic caucus races): the card then says so and shows no percentages
 */
public record ContestCard(String id, String href, String slug, String name, String office, String searchText,
		List<Candidate> candidates, String totalVotes, String precincts, String precinctsPct, String precinctsBar,
		String expected, String expectedBar, String callStatus, String callLabel, boolean called, String callNote,
		String margin, String updated, String updatedUtc, String updatedIso, long revision, boolean delegates) {

	/** How many candidates a card lists before the rest fold away. */
	static final int SHOWN_CANDIDATES = 6;

	/** The candidates listed first on the card. */
	public List<Candidate> topCandidates() {
		return (this.candidates.size() <= SHOWN_CANDIDATES + 1) ? this.candidates
				: this.candidates.subList(0, SHOWN_CANDIDATES);
	}

	/** The candidates folded under "all candidates", or an empty list. */
	public List<Candidate> moreCandidates() {
		return (this.candidates.size() <= SHOWN_CANDIDATES + 1) ? List.of()
				: this.candidates.subList(SHOWN_CANDIDATES, this.candidates.size());
	}

	static ContestCard of(ContestResult contest, String election, ReaderFormat format) {
		LocalTimes times = format.times();
		List<Candidate> candidates = new ArrayList<>(contest.candidates().size());
		for (CandidateResult candidate : contest.candidates()) {
			candidates.add(Candidate.of(candidate, contest.call().isCalled() || contest.tiedForFirst(), format));
		}
		boolean delegates = !contest.notes().votes();
		ReportingProgress progress = contest.progress();
		String precincts = null;
		String bar = null;
		if (progress.precinctsReporting() != null && progress.precinctsTotal() != null) {
			precincts = format.text("card.precincts.of", format.votes(progress.precinctsReporting()),
					format.votes(progress.precinctsTotal()), progress.precinctsTotal());
			bar = progress.percent() + "%";
		}
		else if (progress.precinctsReporting() != null) {
			precincts = format.text("card.precincts.reporting", format.votes(progress.precinctsReporting()),
					progress.precinctsReporting());
		}
		String expected = null;
		String expectedBar = null;
		if (contest.expectedVotePct() != null) {
			expected = format.text("card.expected", format.percentLabel(contest.expectedVotePct()));
			expectedBar = expectedBar(contest.expectedVotePct());
		}
		RaceCall call = contest.call();
		return new ContestCard("contest-" + contest.slug(),
				format.link("/elections/" + election + "/contests/" + contest.slug()), contest.slug(), contest.name(),
				contest.office(), ContestFilter.searchText(contest), List.copyOf(candidates),
				format.votes(contest.totalVotes()), precincts, format.percentLabel(progress.percentLabel()), bar,
				expected, expectedBar, call.status(), callLabel(call, format), call.isCalled(), call.note(),
				margin(contest, format), times.local(contest.lastUpdated()), times.utc(contest.lastUpdated()),
				times.iso(contest.lastUpdated()), contest.revision(), delegates);
	}

	/**
	 * The width of the expected vote's bar: the read model's whole percent ("63" is
	 * "63%"), a sliver for "&lt;1".
	 */
	static String expectedBar(String label) {
		return label.startsWith("<") ? "0.5%" : label + "%";
	}

	static String callLabel(RaceCall call, ReaderFormat format) {
		return format.text(callKey(call.status()));
	}

	/**
	 * The message key of a call status: "call.too-close"; an unknown one is not called.
	 */
	static String callKey(String status) {
		return callKey(CallStatus.find(status).orElse(CallStatus.NOT_CALLED));
	}

	/** The message key of a call status: "call.too-close". */
	static String callKey(CallStatus status) {
		return "call." + status.code();
	}

	/** The margin in words, from the read model's {@link org.tally.results.Margin}. */
	private static String margin(ContestResult contest, ReaderFormat format) {
		if (contest.totalVotes() == 0 || contest.candidates().size() < 2) {
			return null;
		}
		CandidateResult leader = contest.leader();
		boolean votes = contest.notes().votes();
		if (contest.tiedForFirst()) {
			return format.text(votes ? "card.margin.tied" : "card.margin.tied-delegates", format.votes(leader.votes()));
		}
		if (!votes) {
			return format.text("card.margin.leads-delegates", ShortName.of(leader.name()),
					format.votes(contest.margin().votes()));
		}
		return format.text("card.margin.leads", ShortName.of(leader.name()), format.votes(contest.margin().votes()),
				format.decimal(contest.margin().points()));
	}

	/**
	 * One choice on a card.
	 *
	 * @param name the choice's name
	 * @param party the party, or {@code null}
	 * @param incumbent whether the choice holds the office
	 * @param votes votes, formatted
	 * @param pct the shown percentage with the language's sign ("60.1%", "60.1 %")
	 * @param bar the bar's width ("60.1%", always with a point: an SVG length)
	 * @param leading whether the choice has the most votes (ties included)
	 * @param winner whether staff called the choice the winner
	 * @param advancing whether staff called the choice to advance
	 * @param concededAt concession time (local) when the choice conceded, else
	 * {@code null}
	 * @param concededUtc the same in UTC
	 * @param statement the concession statement, or {@code null}
	 */
	public record Candidate(String rowClass, boolean showLeading, String name, String party, boolean incumbent,
			String votes, String pct, String bar, boolean leading, boolean winner, boolean advancing, String concededAt,
			String concededUtc, String statement) {

		/**
		 * The choice as printed; {@code quiet} (a called contest, or a tie for first)
		 * shows no "Leading" mark.
		 */
		static Candidate of(CandidateResult candidate, boolean quiet, ReaderFormat format) {
			LocalTimes times = format.times();
			BigDecimal pct = (candidate.votePct() != null) ? candidate.votePct() : new BigDecimal("0.0");
			String shown = pct.toPlainString();
			CandidateResult.Concession concession = candidate.concession();
			String rowClass = "cand" + ((candidate.winner() || candidate.advancing()) ? " is-winner" : "")
					+ (candidate.leading() ? " is-leading" : "") + ((concession != null) ? " is-conceded" : "");
			boolean showLeading = candidate.leading() && !quiet && concession == null;
			return new Candidate(rowClass, showLeading, candidate.name(), candidate.party(), candidate.incumbent(),
					format.votes(candidate.votes()), format.percent(pct), shown + "%", candidate.leading(),
					candidate.winner(), candidate.advancing(),
					(concession != null) ? times.local(concession.concededAt()) : null,
					(concession != null) ? times.utc(concession.concededAt()) : null,
					(concession != null) ? concession.statement() : null);
		}

	}

}

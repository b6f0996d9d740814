package org.tally.ingest.rctab;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.NameKeys;
import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.RankedRounds;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.StatedTotal;
import org.tally.results.VoteType;
import org.tally.results.Rule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an RCTab ranked-choice report: the {@code *_detailed_report.json} of RCTab 1.3
 * and later, or the {@code summary.json} of earlier versions (same {@code config} and
 * {@code results} layout; tallies may be strings or numbers). The contest's counts are
 * its final round's tallies (a choice eliminated earlier counts 0 there); every round
 * goes to {@link RowSink#rounds} with its tallies, transfers, elected and eliminated
 * choices, inactive ballots and threshold, exact to the report's decimals. The contest is
 * {@code ranked-choice} with the report's {@code numWinners} as its seats (more than one:
 * multi-winner STV). RCVis's RCTab-style JSON reads the same: its inactive pile, a
 * "candidate" named "Inactive ballots" (or "Exhausted", "inactive"), is the inactive
 * ballots, never a choice; STV's "residual surplus" moves to nobody (docs/import.md).
 * <p>
 * Problems name the JSON pointer of what is wrong in {@code location} (JSON has no rows
 * worth naming), as the other JSON readers do. Choice names go through the one
 * {@link ChoiceNameNormaliser}, in the counts and in every round alike.
 *
 * @see <a href="https://github.com/BrightSpots/rcv">RCTab (BrightSpots/rcv)</a>
 */
public final class RctabReader {

	/** Reports are small (kilobytes); anything larger is not one. */
	static final int MAX_BYTES = 20 * 1024 * 1024;

	private RctabReader() {
	}

	/**
	 * Whether the first bytes of a file look like an RCTab report: a JSON object with
	 * RCTab's {@code "config"} and {@code "results"} keys.
	 */
	public static boolean looksLike(byte[] head) {
		String text = new String(head, StandardCharsets.UTF_8).stripLeading();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1).stripLeading();
		}
		return text.startsWith("{") && text.contains("\"config\"")
				&& (text.contains("\"results\"") || text.contains("\"jsonFormatVersion\""));
	}

	/**
	 * Reads the report, calling the sink with one count per choice (the final round's
	 * tally), then the rounds. Never throws for bad content: problems go to the sink.
	 * @throws IOException only when the stream fails
	 */
	public static ReadSummary read(InputStream in, RowSink sink) throws IOException {
		byte[] bytes = in.readNBytes(MAX_BYTES + 1);
		List<Problem> problems = new ArrayList<>();
		if (bytes.length > MAX_BYTES) {
			return fail(sink, problems, "", "an RCTab report is at most " + (MAX_BYTES >> 20) + " MB");
		}
		JsonNode root;
		try {
			root = JsonFiles.document(bytes);
		}
		catch (JacksonException ex) {
			return fail(sink, problems, "", "not an RCTab report: not JSON (" + ex.getOriginalMessage() + ")");
		}
		if (root == null || !root.isObject() || !root.path("config").isObject() || !root.path("results").isArray()) {
			return fail(sink, problems, "", "not an RCTab report: expected a JSON object with \"config\" and "
					+ "\"results\" (RCTab's detailed_report.json or summary.json)");
		}
		JsonNode config = root.path("config");
		String office = text(config, "office");
		if (office.isEmpty()) {
			office = text(config, "contest");
		}
		if (office.isEmpty()) {
			problems.add(RctabRound.problemAt("/config/office", null, "the report names no office or contest"));
		}
		JsonNode results = root.path("results");
		if (results.isEmpty()) {
			problems.add(RctabRound.problemAt("/results", null, "the report has no rounds"));
		}
		BigDecimal finalThreshold = RctabRound.number(root.path("summary").path("finalThreshold"),
				"/summary/finalThreshold", problems, true);
		List<RankedRounds.Round> rounds = new ArrayList<>();
		Set<String> choices = new LinkedHashSet<>();
		Map<String, String> written = new LinkedHashMap<>();
		for (int i = 0; i < results.size(); i++) {
			RankedRounds.Round round = RctabRound.round(results.get(i), "/results/" + i, i + 1, problems, written);
			if (round != null) {
				rounds.add(round);
				choices.addAll(round.tallies().keySet());
			}
		}
		if (!problems.isEmpty()) {
			problems.forEach(sink::problem);
			return new ReadSummary(ImportFormat.RCTAB, 0, problems.size(), List.of());
		}
		RankedRounds.Round last = rounds.get(rounds.size() - 1);
		if (last.threshold() == null && finalThreshold != null) {
			rounds.set(rounds.size() - 1, new RankedRounds.Round(last.number(), finalThreshold, last.tallies(),
					last.transfers(), last.exhaustedTransfer(), last.elected(), last.eliminated(), last.inactive()));
		}
		sink.contest(new ContestRow(0, office, "", false, seats(root, rounds), Rule.RANKED_CHOICE.code(), null, null));
		long row = counts(office, choices, rounds, written, results, sink);
		sink.rounds(new RankedRounds(0, null, office, "", rounds));
		reconcile(root, office, rounds, sink);
		otherCounts(root, office, last, sink);
		return new ReadSummary(ImportFormat.RCTAB, row, 0, List.of());
	}

	/**
	 * One count per choice: its final round's tally, whole votes (a warning says when the
	 * rounds keep fractions).
	 * @return the counts given
	 */
	private static long counts(String office, Set<String> choices, List<RankedRounds.Round> rounds,
			Map<String, String> written, JsonNode results, RowSink sink) {
		RankedRounds.Round last = rounds.get(rounds.size() - 1);
		long row = 0;
		boolean fractional = false;
		for (String choice : choices) {
			BigDecimal votes = last.tallies().getOrDefault(choice, BigDecimal.ZERO);
			fractional |= votes.stripTrailingZeros().scale() > 0;
			sink.count(new CountRow(++row, null, null, office, "", null, choice, VoteType.TOTAL,
					votes.setScale(0, RoundingMode.FLOOR).longValueExact(), null, null,
					written.getOrDefault(choice, choice), tallyAt(results, choice)));
		}
		if (fractional) {
			sink.warning(RctabRound.problemAt("/results/" + (rounds.size() - 1) + "/tally", null,
					"fractional tallies: the contest's counts take the whole votes, the rounds keep the fractions"));
		}
		return row;
	}

	/**
	 * The report's own arithmetic (docs/import.md, Reconciliation): every round's ballots
	 * (its tallies, its inactive ballots and the residual surplus set aside so far) are
	 * the first round's, and {@code summary.totalNumBallots} is the first round's ballots
	 * with the undervotes (ballots ranking no one). Whole ballots are compared (STV's
	 * fractions rounded).
	 */
	private static void reconcile(JsonNode root, String office, List<RankedRounds.Round> rounds, RowSink sink) {
		BigDecimal first = ballots(rounds.get(0));
		BigDecimal residual = BigDecimal.ZERO;
		JsonNode results = root.path("results");
		for (int i = 1; i < rounds.size(); i++) {
			residual = residual.add(residual(results.get(i - 1)));
			BigDecimal round = ballots(rounds.get(i)).add(residual);
			sink.stated(new StatedTotal(office, null, null, "round " + rounds.get(i).number() + " ballots",
					whole(round), whole(first), "/results/" + i));
		}
		JsonNode summary = root.path("summary");
		BigDecimal total = RctabRound.number(summary.path("totalNumBallots"), "/summary/totalNumBallots",
				new ArrayList<>(), true);
		BigDecimal undervotes = RctabRound.number(summary.path("undervotes"), "/summary/undervotes", new ArrayList<>(),
				true);
		if (total != null) {
			sink.stated(new StatedTotal(office, null, null, "ballots-cast", whole(total),
					whole(first.add((undervotes != null) ? undervotes : BigDecimal.ZERO)), "/summary/totalNumBallots"));
		}
	}

	/** A round's ballots: its tallies and its inactive ballots of every kind. */
	private static BigDecimal ballots(RankedRounds.Round round) {
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal votes : round.tallies().values()) {
			sum = sum.add(votes);
		}
		for (BigDecimal votes : round.inactive().values()) {
			sum = sum.add(votes);
		}
		return sum;
	}

	/** STV's residual surplus a round sets aside (transfers to nobody). */
	private static BigDecimal residual(JsonNode round) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode result : round.path("tallyResults")) {
			for (Map.Entry<String, JsonNode> entry : result.path("transfers").properties()) {
				if (NameKeys.letters(entry.getKey()).equals(RctabRound.RESIDUAL)) {
					BigDecimal votes = RctabRound.number(entry.getValue(), "", new ArrayList<>(), true);
					sum = (votes != null) ? sum.add(votes) : sum;
				}
			}
		}
		return sum;
	}

	private static long whole(BigDecimal value) {
		return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/**
	 * The report's over-votes (the final round's ballots made inactive by one) and
	 * undervotes ({@code summary.undervotes}: ballots ranking no one), kept as the
	 * contest's other counts in the jurisdiction.
	 */
	private static void otherCounts(JsonNode root, String office, RankedRounds.Round last, RowSink sink) {
		BigDecimal over = last.inactive().get("overvotes");
		if (over != null) {
			sink.otherCount(new OtherCountRow(0, null, null, office, "", OtherCountRow.Kind.OVERVOTES,
					over.setScale(0, RoundingMode.FLOOR).longValueExact(),
					"/results/" + (last.number() - 1) + "/inactiveBallots/overvotes"));
		}
		BigDecimal under = RctabRound.number(root.path("summary").path("undervotes"), "/summary/undervotes",
				new ArrayList<>(), true);
		if (under != null) {
			sink.otherCount(new OtherCountRow(0, null, null, office, "", OtherCountRow.Kind.UNDERVOTES,
					under.setScale(0, RoundingMode.FLOOR).longValueExact(), "/summary/undervotes"));
		}
	}

	/**
	 * The seats the report fills: its {@code numWinners} ({@code summary}, else
	 * {@code config}), else, when it elects more than one choice, how many it elects
	 * (older reports and RCVis's layout do not say); {@code null} for one.
	 */
	private static Integer seats(JsonNode root, List<RankedRounds.Round> rounds) {
		for (JsonNode node : List.of(root.path("summary").path("numWinners"), root.path("config").path("numWinners"))) {
			String text = node.isNumber() ? node.asString() : node.asString("").strip();
			if (text.matches("[0-9]{1,3}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 100) {
				return Integer.parseInt(text);
			}
		}
		long elected = rounds.stream().flatMap((round) -> round.elected().stream()).distinct().count();
		return (elected > 1 && elected <= 100) ? (int) elected : null;
	}

	/**
	 * The JSON pointer of a choice's count: its tally in the last round that has one (the
	 * final round, unless it was eliminated before).
	 */
	private static String tallyAt(JsonNode results, String choice) {
		for (int i = results.size() - 1; i >= 0; i--) {
			for (Map.Entry<String, JsonNode> entry : results.get(i).path("tally").properties()) {
				String stripped = entry.getKey().strip();
				if (!stripped.isEmpty() && ChoiceNameNormaliser.name(stripped).equals(choice)) {
					return "/results/" + i + "/tally/" + JsonFiles.pointerStep(entry.getKey());
				}
			}
		}
		return "/results/" + (results.size() - 1) + "/tally";
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).asString("").strip();
	}

	private static ReadSummary fail(RowSink sink, List<Problem> problems, String at, String message) {
		sink.problem(RctabRound.problemAt(at.isEmpty() ? null : at, null, message));
		return new ReadSummary(ImportFormat.RCTAB, 0, 1, List.of());
	}

}

package org.tally.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads ranked-choice rounds (written by the RCTab import) and computes each round's
 * shares, so pages and the feed only format them.
 */
@Repository
@Transactional(readOnly = true)
class RoundsQueries {

	private final JdbcClient jdbc;

	RoundsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rounds of the latest report at or before {@code revision}, or {@code null} when
	 * the contest has none.
	 */
	ContestRounds rounds(long contestId, long revision) {
		List<Long> revisions = this.jdbc
			.sql("select distinct revision from rcv_round where contest_id = ? and revision <= ? order by revision")
			.params(contestId, revision)
			.query(Long.class)
			.list();
		if (revisions.isEmpty()) {
			return null;
		}
		long shown = revisions.get(revisions.size() - 1);
		Map<Integer, List<ContestRounds.Tally>> tallies = new LinkedHashMap<>();
		this.jdbc.sql("""
				select t.round, ch.name, ch.party, t.votes, t.transfer, t.outcome
				from rcv_tally t join choice ch on ch.id = t.choice_id
				where t.contest_id = ? and t.revision = ?
				order by t.round, t.votes desc, ch.ballot_order, ch.name
				""").params(contestId, shown).query((rs, row) -> {
			tallies.computeIfAbsent(rs.getInt("round"), (r) -> new ArrayList<>())
				.add(new ContestRounds.Tally(rs.getString("name"), rs.getString("party"), rs.getBigDecimal("votes"),
						null, rs.getBigDecimal("transfer"), rs.getString("outcome")));
			return null;
		}).list();
		List<ContestRounds.Round> rounds = this.jdbc.sql("""
				select round, threshold, exhausted_transfer, overvotes, skipped_rankings, exhausted_choices,
				       repeated_rankings
				from rcv_round where contest_id = ? and revision = ? order by round
				""").params(contestId, shown).query((rs, row) -> {
			Map<String, BigDecimal> inactive = new LinkedHashMap<>();
			put(inactive, "overvotes", rs.getBigDecimal("overvotes"));
			put(inactive, "skippedRankings", rs.getBigDecimal("skipped_rankings"));
			put(inactive, "exhaustedChoices", rs.getBigDecimal("exhausted_choices"));
			put(inactive, "repeatedRankings", rs.getBigDecimal("repeated_rankings"));
			int number = rs.getInt("round");
			return round(number, rs.getBigDecimal("threshold"), rs.getBigDecimal("exhausted_transfer"), inactive,
					tallies.getOrDefault(number, List.of()));
		}).list();
		return new ContestRounds(shown, List.copyOf(revisions), List.copyOf(rounds));
	}

	static ContestRounds.Round round(int number, BigDecimal threshold, BigDecimal exhaustedTransfer,
			Map<String, BigDecimal> inactive, List<ContestRounds.Tally> tallies) {
		BigDecimal active = tallies.stream().map(ContestRounds.Tally::votes).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal inactiveTotal = inactive.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		// the one rounding rule of every votePct: largest remainder (docs/numbers.md)
		BigDecimal[] percents = Percentages
			.percents(tallies.stream().map(ContestRounds.Tally::votes).toArray(BigDecimal[]::new));
		List<ContestRounds.Tally> shares = new ArrayList<>(tallies.size());
		for (int i = 0; i < tallies.size(); i++) {
			ContestRounds.Tally tally = tallies.get(i);
			shares.add(new ContestRounds.Tally(tally.name(), tally.party(), plain(tally.votes()),
					(active.signum() == 0) ? null : percents[i], plain(tally.transfer()), tally.outcome()));
		}
		shares.sort(Comparator.comparing(ContestRounds.Tally::votes).reversed());
		return new ContestRounds.Round(number, plain(threshold), plain(active), plain(exhaustedTransfer),
				Map.copyOf(inactive), plain(inactiveTotal), List.copyOf(shares));
	}

	private static void put(Map<String, BigDecimal> inactive, String reason, BigDecimal value) {
		if (value != null) {
			inactive.put(reason, plain(value));
		}
	}

	/** 28951.0000 as 28951, 12.5000 as 12.5: counts as the report wrote them. */
	private static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}

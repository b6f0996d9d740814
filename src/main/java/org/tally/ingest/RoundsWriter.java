package org.tally.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tally.ingest.kit.RankedRounds;

/**
 * Writes an RCTab report's rounds under the revision its import applied, beside the
 * rounds of earlier revisions.
 */
@Component
class RoundsWriter {

	private final JdbcClient jdbc;

	RoundsWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A contest's rounds with its choices' ids, waiting for the import's revision. */
	record Pending(long contestId, Map<String, Long> choiceIds, RankedRounds rounds) {
	}

	void write(long revision, List<Pending> pending) {
		for (Pending contest : pending) {
			for (RankedRounds.Round round : contest.rounds().rounds()) {
				Map<String, BigDecimal> inactive = round.inactive();
				this.jdbc.sql("""
						insert into rcv_round (contest_id, revision, round, threshold, exhausted_transfer, overvotes,
						                       skipped_rankings, exhausted_choices, repeated_rankings)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(contest.contestId(), revision, round.number(), round.threshold(), round.exhaustedTransfer(),
							inactive.get("overvotes"), inactive.get("skippedRankings"),
							inactive.get("exhaustedChoices"), inactive.get("repeatedRankings"))
					.update();
				List<Object[]> rows = new ArrayList<>();
				round.tallies().forEach((name, votes) -> {
					String outcome = round.elected().contains(name) ? "elected"
							: round.eliminated().contains(name) ? "eliminated" : null;
					rows.add(
							new Object[] { contest.contestId(), revision, round.number(), contest.choiceIds().get(name),
									votes, round.transfers().getOrDefault(name, BigDecimal.ZERO), outcome });
				});
				for (Object[] row : rows) {
					this.jdbc.sql("""
							insert into rcv_tally (contest_id, revision, round, choice_id, votes, transfer, outcome)
							values (?, ?, ?, ?, ?, ?, ?)
							""").params(row).update();
				}
			}
		}
	}

}

package org.tally.results;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The parameters of a query over the selected contests of an election: all of its
 * contests, or those among {@code contests}.
 *
 * @param election the election's id
 * @param all whether every contest of the election is selected
 * @param contests the selected contests' ids when not all
 */
record SelectedContests(long election, boolean all, Long[] contests) {

	SelectedContests(long election, boolean all, Collection<Long> contests) {
		this(election, all, contests.toArray(Long[]::new));
	}

	/** Binds {@code :election}, {@code :all} and {@code :contests}. */
	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return statement.param("election", this.election).param("all", this.all).param("contests", this.contests);
	}

}

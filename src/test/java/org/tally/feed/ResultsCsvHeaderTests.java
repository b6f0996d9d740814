package org.tally.feed;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.results.VoteType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's header names each vote type's column where the rows write its votes: the
 * total and then the split, in {@link VoteType}'s order.
 */
class ResultsCsvHeaderTests {

	@Test
	void voteTypeColumnsFollowTheCandidateInTheEnumsOrder() {
		List<String> header = Arrays.asList(ResultsCsv.HEADER.strip().split(","));
		int first = header.indexOf("candidate") + 1;
		assertThat(header.subList(first, first + VoteType.values().length)).containsExactly("votes", "election_day",
				"absentee", "early_voting", "provisional");
		assertThat(Arrays.stream(VoteType.values()).map(VoteType::csvColumn))
			.containsExactlyElementsOf(header.subList(first, first + VoteType.values().length));
	}

}

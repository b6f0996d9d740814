package org.tally.results;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers may see of elections and contests.
 */
@Service
@Transactional(readOnly = true)
public class ResultsService {

	private final ElectionRepository elections;

	private final ResultsQueries queries;

	ResultsService(ElectionRepository elections, ResultsQueries queries) {
		this.elections = elections;
		this.queries = queries;
	}

	/** All elections, those being counted first. */
	public List<Election> elections() {
		return this.elections.findAllLiveFirst();
	}

	/** The election, or {@link ElectionNotFoundException}. */
	public Election election(String slug) {
		return this.elections.findBySlug(slug).orElseThrow(() -> ElectionNotFoundException.forSlug(slug));
	}

	/** Every contest of the election as it stands now, in ballot order. */
	public List<ContestResult> contests(Election election) {
		return this.queries.contests(election.getId(), 0);
	}

	/** One contest, or {@link ContestNotFoundException}. */
	public ContestResult contest(Election election, String contestSlug) {
		long contestId = this.queries.contestId(election.getId(), contestSlug)
			.orElseThrow(() -> ContestNotFoundException.forSlug(election.getSlug(), contestSlug));
		return this.queries.contests(election.getId(), contestId).get(0);
	}

}

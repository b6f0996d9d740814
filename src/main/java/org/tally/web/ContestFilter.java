package org.tally.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;

/**
 * What a reader asked to see of an election: one office, and contests whose name or
 * candidates match the search. Blank means everything.
 *
 * @param office the office to show, or blank for all
 * @param query words to look for in contest and candidate names, or blank
 */
public record ContestFilter(String office, String query) {

	public ContestFilter {
		office = (office != null) ? office.strip() : "";
		query = (query != null) ? query.strip() : "";
	}

	public boolean isEmpty() {
		return this.office.isEmpty() && this.query.isEmpty();
	}

	boolean matches(ContestResult contest) {
		if (!this.office.isEmpty() && !this.office.equalsIgnoreCase(contest.office())) {
			return false;
		}
		if (this.query.isEmpty()) {
			return true;
		}
		String haystack = searchText(contest);
		for (String word : this.query.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}

	List<ContestResult> apply(List<ContestResult> contests) {
		if (isEmpty()) {
			return contests;
		}
		List<ContestResult> matching = new ArrayList<>();
		for (ContestResult contest : contests) {
			if (matches(contest)) {
				matching.add(contest);
			}
		}
		return matching;
	}

	/** The lower-case text a search looks in; also what the page's script filters on. */
	static String searchText(ContestResult contest) {
		StringBuilder text = new StringBuilder(contest.name()).append(' ').append(contest.office());
		for (CandidateResult candidate : contest.candidates()) {
			text.append(' ').append(candidate.name());
		}
		return text.toString().toLowerCase(Locale.ROOT);
	}

	/** The offices of the contests, once each, in ballot order. */
	static List<String> offices(List<ContestResult> contests) {
		Map<String, String> offices = new LinkedHashMap<>();
		contests.forEach((contest) -> offices.putIfAbsent(contest.office().toLowerCase(Locale.ROOT), contest.office()));
		return List.copyOf(offices.values());
	}

}

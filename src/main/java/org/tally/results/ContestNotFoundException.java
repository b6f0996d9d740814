package org.tally.results;

public class ContestNotFoundException extends RuntimeException {

	private ContestNotFoundException(String message) {
		super(message);
	}

	public static ContestNotFoundException forSlug(String election, String contest) {
		return new ContestNotFoundException("No contest '" + contest + "' in election '" + election + "'");
	}

	public static ContestNotFoundException withoutRounds(String election, String contest) {
		return new ContestNotFoundException(
				"Contest '" + contest + "' in election '" + election + "' has no ranked-choice rounds");
	}

}

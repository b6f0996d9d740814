package org.tally.kernel;

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

	/**
	 * The contest's estimate is not for this reader: the election's {@code projections}
	 * setting is {@code off}, or {@code staff} and the reader is not signed in.
	 */
	public static ContestNotFoundException withoutProjection(String election, String contest) {
		return new ContestNotFoundException(
				"Contest '" + contest + "' in election '" + election + "' publishes no estimate of its final result");
	}

}

package org.tally.ingest;

import java.util.List;

/**
 * The election's contests, each with its choices, read when the file first names one (by
 * slug, or by the id an earlier file's key gave it), so a file reads its own contests,
 * not the election's.
 */
interface StoredContests {

	/** An election without contests: nothing to read. */
	StoredContests NONE = new StoredContests() {

		@Override
		public ElectionNames.Contest bySlug(String slug) {
			return null;
		}

		@Override
		public Found byId(long id) {
			return null;
		}

		@Override
		public List<String> names() {
			return List.of();
		}

	};

	/** The contest with this slug, or {@code null}. */
	ElectionNames.Contest bySlug(String slug);

	/** The contest with this id and its slug, or {@code null}. */
	Found byId(long id);

	/**
	 * Every contest's name, for the closest to an unknown one (strict mode's problem
	 * list).
	 */
	List<String> names();

	/** A contest read by id, with its slug. */
	record Found(String slug, ElectionNames.Contest contest) {
	}

}

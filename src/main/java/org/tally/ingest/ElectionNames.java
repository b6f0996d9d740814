package org.tally.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.LongSet;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.ingest.kit.SourceKey;

/**
 * The contests, choices and reporting units of one election under the names files use,
 * read at the start of an import while it holds the election's lock. Every count an
 * import writes takes its ids from here: that is what keeps counts inside their election
 * and their contest (vote_count has no row-by-row foreign keys, see migration V3).
 * <p>
 * Setup mode creates what a file names and the election lacks, the first spelling in the
 * file winning, with ids drawn from the sequences in blocks; the new rows are written
 * when the file has been read ({@link #created()}). Strict mode keeps each unknown name
 * with its first row (its line and, in XML and JSON, its location) and the number of rows
 * naming it, for the problem list.
 * <p>
 * The finding is done per kind of name, by {@link ElectionContests},
 * {@link ElectionChoices} and {@link ElectionUnits}; this class holds them together with
 * the types they share, and answers what the import asks of them all.
 */
public final class ElectionNames {

	/** Ids for new rows, taken from a table's sequence ahead of the inserts. */
	interface Ids {

		long next(Sequence sequence);

	}

	/**
	 * The election's units of one county, read when a file first names the county: its
	 * own unit and those under it, by code.
	 */
	interface Units {

		/** An election without units: nothing to read. */
		Units NONE = (countyCode) -> Map.of();

		Map<String, Unit> county(String countyCode);

	}

	enum Sequence {

		UNIT("reporting_unit_id_seq"), CONTEST("contest_id_seq"), CHOICE("choice_id_seq");

		private final String name;

		Sequence(String name) {
			this.name = name;
		}

		String sequenceName() {
			return this.name;
		}

	}

	/**
	 * A contest as the import sees it. {@code fresh}: it had no counts when the import
	 * began, so every count the file gives it is new.
	 */
	static final class Contest {

		final long id;

		final String name;

		final boolean fresh;

		final Map<String, Long> choices;

		/** The units a fresh contest's counts name (for "units newly reporting"). */
		final LongSet units;

		boolean counted;

		private long lastUnit = -1;

		Contest(long id, String name, boolean fresh, Map<String, Long> choices) {
			this.id = id;
			this.name = name;
			this.fresh = fresh;
			this.choices = choices;
			this.units = fresh ? new LongSet() : null;
		}

		/** Notes that the file gives this contest a count in the unit. */
		void counted(long unitId) {
			this.counted = true;
			if (this.fresh && unitId != this.lastUnit) {
				this.units.add(unitId);
				this.lastUnit = unitId;
			}
		}

	}

	/**
	 * A reporting unit: its id, level and parent, and where its counts go in the sums
	 * (read from the database; for a unit this import creates, filled once the database
	 * has placed it: {@link CountSums}).
	 */
	record Unit(long id, String level, Long parentId, CountSums.Place place) {

		static final Unit UNKNOWN = new Unit(-1, "county", null, CountSums.Place.unknown());

		boolean known() {
			return this.id >= 0;
		}

	}

	record NewUnit(long id, String code, String name, String level, Long parentId) {
	}

	/**
	 * A contest setup mode creates; {@code rule} is the file's, or {@code null} for the
	 * election's default.
	 */
	record NewContest(long id, String slug, String office, String district, String name, long firstRow, String kind,
			int seats, String rule) {
	}

	record NewChoice(long id, long contestId, String name, String party, boolean incumbent, boolean writeIn,
			long firstRow, String writtenName) {
	}

	/** What setup mode creates, in the order the rows must be inserted. */
	record Created(List<NewContest> contests, List<NewChoice> choices, List<NewUnit> units) {

		boolean isEmpty() {
			return this.contests.isEmpty() && this.choices.isEmpty() && this.units.isEmpty();
		}

	}

	/** Problems with names setup mode cannot create, in the order met. */
	private final List<Problem> badNames = new ArrayList<>();

	private final Keys keys;

	private final ElectionUnits units;

	private final ElectionContests contests;

	private final ElectionChoices choices;

	/**
	 * @param contests the election's contests, read as the file names them
	 * @param units the election's reporting units, read a county at a time
	 * @param keys the keys earlier files gave its contests, choices and units
	 * ({@code source_key}, V18), read as the file brings them
	 * @param keyedUnits the units those keys name, by id, filled as the keys are read
	 */
	ElectionNames(ImportMode mode, Ids ids, StoredContests contests, Units units, Keys keys,
			Map<Long, Unit> keyedUnits) {
		boolean setup = mode == ImportMode.SETUP;
		this.keys = keys;
		this.units = new ElectionUnits(setup, ids, units, keys, keyedUnits, this.badNames);
		this.contests = new ElectionContests(setup, ids, contests, keys, this.badNames);
		this.choices = new ElectionChoices(setup, ids, keys, this.badNames);
	}

	/**
	 * Notes a file's key for the names its rows use (docs/import.md, Identity by key).
	 */
	void key(SourceKey key) {
		this.keys.file(key);
	}

	/** The keys this file used, with the ids they name, for {@code source_key}. */
	List<Keys.Used> usedKeys() {
		return this.keys.used();
	}

	/** The warnings about keys: a key whose name changed since an earlier file. */
	List<Problem> keyWarnings() {
		return this.keys.warnings();
	}

	/**
	 * The unit a row names, or {@link Unit#UNKNOWN} when strict mode does not know it
	 * (the name is kept for the problem list).
	 */
	Unit unit(long row, String location, String county, String precinct) {
		return this.units.unit(row, location, county, precinct);
	}

	/**
	 * Notes what a file says of a contest's kind and seats, for setup mode to use if it
	 * creates the contest.
	 */
	void declare(ContestRow contest) {
		this.contests.declare(contest);
	}

	/** The contest a row names, or null when strict mode does not know it. */
	Contest contest(long row, String location, String office, String district) {
		return this.contests.contest(row, location, office, district);
	}

	/**
	 * The id of the choice a count row names, or -1 when strict mode does not know it.
	 */
	long choice(Contest contest, CountRow count) {
		return this.choices.choice(contest, count);
	}

	/** The warnings about the names a file uses: new choices that read like others. */
	List<Problem> lookalikes() {
		return this.choices.lookalikes();
	}

	/**
	 * The problems with the names a file uses: unknown ones in strict mode (contests,
	 * then candidates, then units, each in the order of their first row), names setup
	 * mode cannot create.
	 */
	void problems(ProblemCollector problems) {
		this.badNames.forEach(problems::add);
		this.contests.unknown(problems);
		this.choices.unknown(problems);
		this.units.unknown(problems);
	}

	/** Contests the file gave counts. */
	List<Long> counted() {
		return ids(this.contests.counted(false));
	}

	/** Contests whose counts all come from this file, and that got some. */
	List<Long> freshCounted() {
		return ids(this.contests.counted(true));
	}

	/** How many units each fresh contest's counts name. */
	Map<Long, Integer> freshUnits() {
		Map<Long, Integer> units = new HashMap<>();
		this.contests.counted(true).forEach((contest) -> units.put(contest.id, contest.units.size()));
		return units;
	}

	private static List<Long> ids(Stream<Contest> contests) {
		return contests.map((contest) -> contest.id).sorted().toList();
	}

	Created created() {
		return new Created(this.contests.created(), this.choices.created(), this.units.created());
	}

	/** The candidates setup mode creates, by contest id. */
	Map<Long, List<String>> newCandidates() {
		Map<Long, List<String>> candidates = new HashMap<>();
		this.choices.created()
			.forEach((choice) -> candidates.computeIfAbsent(choice.contestId(), (id) -> new ArrayList<>())
				.add(choice.name()));
		return candidates;
	}

}

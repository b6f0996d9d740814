package org.tally.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.LongSet;
import org.tally.ingest.kit.NameSkeleton;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.ingest.kit.SourceKey;
import org.tally.results.ContestKind;
import org.tally.kernel.Slugs;

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
 */
public final class ElectionNames {

	private final List<Problem> lookalikes = new ArrayList<>();

	private static final Pattern CONTEST_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

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

	private final boolean setup;

	private final Ids ids;

	private final Map<String, Contest> contests = new HashMap<>();

	private final StoredContests storedStoredContests;

	/** Slugs already asked of {@link #storedStoredContests}. */
	private final Set<String> askedSlugs = new HashSet<>();

	private final Map<String, Unit> units = new HashMap<>();

	private final Units stored;

	private final Set<String> readCounties = new HashSet<>();

	private final Map<String, String> countyCodes = new HashMap<>();

	private final Map<OfficeKey, String> contestSlugs = new HashMap<>();

	private final Map<OfficeKey, ContestRow> declared = new HashMap<>();

	private final List<NewContest> newStoredContests = new ArrayList<>();

	private final List<NewChoice> newChoices = new ArrayList<>();

	private final List<NewUnit> newUnits = new ArrayList<>();

	private final Map<String, Unknown> unknownStoredContests = new LinkedHashMap<>();

	private final Map<ChoiceKey, Unknown> unknownChoices = new LinkedHashMap<>();

	private final Map<String, Unknown> unknownUnits = new LinkedHashMap<>();

	private final List<Problem> badNames = new ArrayList<>();

	private final Keys keys;

	private final Map<Long, Unit> keyedUnits;

	private final Map<Long, Contest> contestsById = new HashMap<>();

	private String lastCounty;

	private String lastPrecinct;

	private Unit lastUnit;

	private String lastOffice;

	private String lastDistrict;

	private String lastSlug;

	private Contest lastContest;

	/**
	 * @param contests the election's contests, read as the file names them
	 * @param units the election's reporting units, read a county at a time
	 * @param keys the keys earlier files gave its contests, choices and units
	 * ({@code source_key}, V18), read as the file brings them
	 * @param keyedUnits the units those keys name, by id, filled as the keys are read
	 */
	ElectionNames(ImportMode mode, Ids ids, StoredContests contests, Units units, Keys keys,
			Map<Long, Unit> keyedUnits) {
		this.setup = mode == ImportMode.SETUP;
		this.ids = ids;
		this.storedStoredContests = contests;
		this.stored = units;
		this.keys = keys;
		this.keyedUnits = keyedUnits;
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
		if (county.equals(this.lastCounty) && Objects.equals(precinct, this.lastPrecinct)) {
			return this.lastUnit;
		}
		SourceKey key = this.keys.unit(county, precinct);
		Unit unit = (key != null) ? unitByKey(key) : null;
		if (unit == null) {
			String countyCode = this.countyCodes.computeIfAbsent(county, Slugs::of);
			if (this.readCounties.add(countyCode)) {
				this.stored.county(countyCode).forEach(this.units::putIfAbsent);
			}
			unit = unit(row, location, countyCode, county, null, "county");
			if (precinct != null && !precinct.isBlank() && unit.known()) {
				unit = unit(row, location, countyCode + "/" + precinct, precinct, unit, "precinct");
			}
			else if (precinct != null && !precinct.isBlank()) {
				unit = Unit.UNKNOWN;
			}
			if (key != null && unit.known()) {
				this.keys.use(key, unit.id(), null);
			}
		}
		this.lastCounty = county;
		this.lastPrecinct = precinct;
		this.lastUnit = unit;
		return unit;
	}

	/** The unit an earlier file gave this key, or {@code null}. */
	private Unit unitByKey(SourceKey key) {
		Keys.Stored stored = this.keys.stored(key);
		if (stored == null) {
			return null;
		}
		Unit unit = this.keyedUnits.get(stored.id());
		if (unit != null) {
			this.keys.found(key, stored, unit.id(), null);
		}
		return unit;
	}

	private Unit unit(long row, String location, String code, String name, Unit county, String column) {
		Unit unit = this.units.get(code);
		if (unit != null) {
			return unit;
		}
		if (!this.setup) {
			this.unknownUnits.computeIfAbsent(code, (c) -> new Unknown(row, column, name, location)).rows++;
			return Unit.UNKNOWN;
		}
		if (code.isEmpty() || code.length() > 300 || name.length() > 300) {
			this.badNames.add(new Problem(row, column, name,
					"cannot name a reporting unit: it needs a letter or a digit and at most 300 characters"));
			this.units.put(code, Unit.UNKNOWN);
			return Unit.UNKNOWN;
		}
		long id = this.ids.next(Sequence.UNIT);
		Unit created = new Unit(id, (county != null) ? "precinct" : "county", (county != null) ? county.id() : null,
				CountSums.Place.unknown());
		this.newUnits.add(new NewUnit(id, code, name, created.level(), created.parentId()));
		this.units.put(code, created);
		return created;
	}

	/**
	 * Notes what a file says of a contest's kind and seats, for setup mode to use if it
	 * creates the contest.
	 */
	void declare(ContestRow contest) {
		if (this.setup && this.declared.size() < 100_000) {
			this.declared.putIfAbsent(new OfficeKey(contest.office(), contest.district()), contest);
		}
	}

	/** The contest a row names, or null when strict mode does not know it. */
	Contest contest(long row, String location, String office, String district) {
		String named = office;
		if (!office.equals(this.lastOffice) || !district.equals(this.lastDistrict)) {
			SourceKey key = this.keys.contest(office, district);
			Contest byKey = (key != null) ? contestByKey(key) : null;
			this.lastOffice = office;
			this.lastDistrict = district;
			if (byKey != null) {
				this.lastSlug = null;
				this.lastContest = byKey;
				return byKey;
			}
			String slug = this.contestSlugs.computeIfAbsent(new OfficeKey(office, district),
					(k) -> Slugs.of(k.office(), k.district()));
			Contest existing = storedContest(slug);
			if (key != null && existing != null && this.keys.boundToAnother(key, existing.id)) {
				// two keys, one name: the second stays a contest of its own
				named = office + " (" + key.key() + ")";
				slug = Slugs.of(named, district);
				this.keys.relabelled(key, existing.id, named);
			}
			this.lastSlug = slug;
			Contest known = storedContest(slug);
			this.lastContest = (known != null || this.contests.containsKey(slug) || !this.setup) ? known
					: create(row, slug, named, district);
			if (key != null && this.lastContest != null) {
				this.keys.use(key, this.lastContest.id, null);
			}
		}
		if (this.lastContest == null && !this.setup) {
			String shown = ContestRow.shown(office, district);
			this.unknownStoredContests.computeIfAbsent(this.lastSlug,
					(s) -> new Unknown(row, "office", shown, location)).rows++;
		}
		return this.lastContest;
	}

	/**
	 * The election's contest with this slug, read from the database the first time the
	 * file names the slug; {@code null} when there is none (or it could not be created).
	 */
	private Contest storedContest(String slug) {
		if (this.askedSlugs.add(slug) && !this.contests.containsKey(slug)) {
			Contest contest = this.storedStoredContests.bySlug(slug);
			if (contest != null) {
				this.contests.put(slug, contest);
				this.contestsById.put(contest.id, contest);
			}
		}
		return this.contests.get(slug);
	}

	/** The contest an earlier file gave this key, or {@code null}. */
	private Contest contestByKey(SourceKey key) {
		Keys.Stored stored = this.keys.stored(key);
		if (stored == null) {
			return null;
		}
		Contest contest = this.contestsById.get(stored.id());
		if (contest == null) {
			StoredContests.Found found = this.storedStoredContests.byId(stored.id());
			if (found != null && !this.contests.containsKey(found.slug())) {
				contest = found.contest();
				this.contests.put(found.slug(), contest);
				this.contestsById.put(contest.id, contest);
			}
		}
		if (contest != null) {
			this.keys.found(key, stored, contest.id, null);
		}
		return contest;
	}

	private Contest create(long row, String slug, String office, String district) {
		String name = ContestRow.shown(office, district);
		if (!CONTEST_SLUG.matcher(slug).matches() || office.length() > 300 || district.length() > 100
				|| name.length() > 400) {
			this.badNames.add(new Problem(row, "office", name,
					"cannot name a contest: the office needs a letter or a digit, at most 300 characters "
							+ "(district at most 100)"));
			this.contests.put(slug, null);
			return null;
		}
		Contest contest = new Contest(this.ids.next(Sequence.CONTEST), name, true, new HashMap<>());
		ContestRow declared = this.declared.get(new OfficeKey(this.lastOffice, district));
		String kind = ((declared != null && declared.measure()) ? ContestKind.MEASURE : ContestKind.CANDIDATE).code();
		int seats = (declared != null && declared.seats() != null) ? declared.seats() : 1;
		this.newStoredContests.add(new NewContest(contest.id, slug, office, district, name, row, kind, seats,
				(declared != null) ? declared.rule() : null));
		this.contests.put(slug, contest);
		this.contestsById.put(contest.id, contest);
		return contest;
	}

	/**
	 * The id of the choice a count row names, or -1 when strict mode does not know it.
	 */
	long choice(Contest contest, CountRow count) {
		SourceKey key = this.keys.choice(count.office(), count.district(), count.candidate());
		if (key != null) {
			Long keyed = this.keys.choiceId(key, contest.id);
			if (keyed != null) {
				return keyed;
			}
		}
		long id = choiceByName(contest, count);
		if (key != null && id >= 0) {
			// a new key with the name of a choice another key holds: a choice of its own
			String bound = this.keys.choiceBoundToAnother(key, id);
			CountRow own = (bound != null) ? count.named(count.candidate() + " (" + Keys.shortKey(key) + ")") : count;
			id = (bound != null) ? choiceByName(contest, own) : id;
			this.keys.choiceGiven(key, id, contest.id, bound, own.candidate());
		}
		return id;
	}

	private long choiceByName(Contest contest, CountRow count) {
		Long id = contest.choices.get(count.candidate());
		if (id != null) {
			return id;
		}
		if (!this.setup) {
			this.unknownChoices.computeIfAbsent(new ChoiceKey(contest, count.candidate()),
					(key) -> new Unknown(count.row(), "candidate", count.candidate(), count.location())).rows++;
			return -1;
		}
		if (count.candidate().length() > 300 || (count.party() != null && count.party().length() > 100)) {
			this.badNames.add(new Problem(count.row(), "candidate", count.candidate(),
					"cannot name a candidate: at most 300 characters, party at most 100"));
			contest.choices.put(count.candidate(), -1L);
			return -1;
		}
		lookalike(contest, count);
		long created = this.ids.next(Sequence.CHOICE);
		this.newChoices.add(new NewChoice(created, contest.id, count.candidate(), count.party(),
				Boolean.TRUE.equals(count.incumbent()), Boolean.TRUE.equals(count.writeIn()), count.row(),
				count.writtenName()));
		contest.choices.put(count.candidate(), created);
		return created;
	}

	/**
	 * Warns when a new choice reads like one the contest has under another name ("Аnn
	 * Lee" with a Cyrillic А beside "Ann Lee"): same {@link NameSkeleton}, other letters.
	 */
	private void lookalike(Contest contest, CountRow count) {
		if (this.lookalikes.size() >= 1_000 || contest.choices.size() > 1_000) {
			return;
		}
		String skeleton = NameSkeleton.of(count.candidate());
		for (String known : contest.choices.keySet()) {
			if (!known.equals(count.candidate()) && NameSkeleton.of(known).equals(skeleton)) {
				this.lookalikes.add(new Problem(count.row(), "candidate", NameChecks.escaped(count.candidate()),
						"a new candidate in " + contest.name + " that reads like \"" + known
								+ "\" but is written with other characters (look-alike letters, e.g. Cyrillic or "
								+ "Greek, or another case): check it is not the same person",
						count.location()));
				return;
			}
		}
	}

	/** The warnings about the names a file uses: new choices that read like others. */
	List<Problem> lookalikes() {
		return this.lookalikes;
	}

	/**
	 * The problems with the names a file uses: unknown ones in strict mode (contests,
	 * then candidates, then units, each in the order of their first row), names setup
	 * mode cannot create.
	 */
	void problems(ProblemCollector problems) {
		this.badNames.forEach(problems::add);
		List<String> knownStoredContests = this.unknownStoredContests.isEmpty() ? List.of()
				: this.storedStoredContests.names();
		this.unknownStoredContests.values()
			.forEach((unknown) -> problems.add(unknown.problem("unknown contest (" + unknown.rows + " rows)"
					+ Closest.suggestion(unknown.value, knownStoredContests)
					+ "; import with mode=setup to create it")));
		this.unknownChoices
			.forEach((key, unknown) -> problems.add(unknown.problem("unknown candidate in " + key.contest().name + " ("
					+ unknown.rows + " rows)" + Closest.suggestion(unknown.value, key.contest().choices.keySet()))));
		this.unknownUnits.values()
			.forEach((unknown) -> problems.add(unknown
				.problem("unknown " + unknown.column + "; import with mode=setup to create reporting units")));
	}

	/** StoredContests the file gave counts. */
	List<Long> counted() {
		return ids(counted(false));
	}

	/** StoredContests whose counts all come from this file, and that got some. */
	List<Long> freshCounted() {
		return ids(counted(true));
	}

	/** How many units each fresh contest's counts name. */
	Map<Long, Integer> freshUnits() {
		Map<Long, Integer> units = new HashMap<>();
		counted(true).forEach((contest) -> units.put(contest.id, contest.units.size()));
		return units;
	}

	private Stream<Contest> counted(boolean freshOnly) {
		return this.contests.values()
			.stream()
			.filter((contest) -> contest != null && contest.counted && (contest.fresh || !freshOnly));
	}

	private static List<Long> ids(Stream<Contest> contests) {
		return contests.map((contest) -> contest.id).sorted().toList();
	}

	Created created() {
		return new Created(this.newStoredContests, this.newChoices, this.newUnits);
	}

	/** The candidates setup mode creates, by contest id. */
	Map<Long, List<String>> newCandidates() {
		Map<Long, List<String>> candidates = new HashMap<>();
		this.newChoices.forEach((choice) -> candidates.computeIfAbsent(choice.contestId(), (id) -> new ArrayList<>())
			.add(choice.name()));
		return candidates;
	}

	private record OfficeKey(String office, String district) {
	}

	private record ChoiceKey(Contest contest, String name) {
	}

	private static final class Unknown {

		final long row;

		final String column;

		final String value;

		/** The element path or JSON pointer of the first row, or null (CSV). */
		final String location;

		long rows;

		Unknown(long row, String column, String value, String location) {
			this.row = row;
			this.column = column;
			this.value = value;
			this.location = location;
		}

		Problem problem(String message) {
			return new Problem(this.row, this.column, this.value, message, this.location);
		}

	}

}

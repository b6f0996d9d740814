package org.tally.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.ingest.kit.SourceKey;
import org.tally.kernel.Slugs;
import org.tally.results.ContestKind;

/**
 * The contests of one election under the names files use (part of {@link ElectionNames}):
 * found by the key an earlier file gave them, else by slug (office and district), each
 * read from the database when the file first names it. Setup mode creates the contests a
 * file names and the election lacks, with the kind and seats the file declares; strict
 * mode keeps the unknown ones for the problem list.
 */
final class ElectionContests {

	private static final Pattern CONTEST_SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

	private final boolean setup;

	private final ElectionNames.Ids ids;

	private final Keys keys;

	/** Problems with names setup mode cannot create, shared with units and choices. */
	private final List<Problem> badNames;

	private final Map<String, ElectionNames.Contest> contests = new HashMap<>();

	private final StoredContests storedContests;

	/** Slugs already asked of {@link #storedContests}. */
	private final Set<String> askedSlugs = new HashSet<>();

	private final Map<OfficeKey, String> contestSlugs = new HashMap<>();

	private final Map<OfficeKey, ContestRow> declared = new HashMap<>();

	private final List<ElectionNames.NewContest> newContests = new ArrayList<>();

	private final Map<String, UnknownName> unknownContests = new LinkedHashMap<>();

	private final Map<Long, ElectionNames.Contest> contestsById = new HashMap<>();

	private String lastOffice;

	private String lastDistrict;

	private String lastSlug;

	private ElectionNames.Contest lastContest;

	ElectionContests(boolean setup, ElectionNames.Ids ids, StoredContests contests, Keys keys, List<Problem> badNames) {
		this.setup = setup;
		this.ids = ids;
		this.storedContests = contests;
		this.keys = keys;
		this.badNames = badNames;
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
	ElectionNames.Contest contest(long row, String location, String office, String district) {
		String named = office;
		if (!office.equals(this.lastOffice) || !district.equals(this.lastDistrict)) {
			SourceKey key = this.keys.contest(office, district);
			ElectionNames.Contest byKey = (key != null) ? contestByKey(key) : null;
			this.lastOffice = office;
			this.lastDistrict = district;
			if (byKey != null) {
				this.lastSlug = null;
				this.lastContest = byKey;
				return byKey;
			}
			String slug = this.contestSlugs.computeIfAbsent(new OfficeKey(office, district),
					(k) -> Slugs.of(k.office(), k.district()));
			ElectionNames.Contest existing = storedContest(slug);
			if (key != null && existing != null && this.keys.boundToAnother(key, existing.id)) {
				// two keys, one name: the second stays a contest of its own
				named = office + " (" + key.key() + ")";
				slug = Slugs.of(named, district);
				this.keys.relabelled(key, existing.id, named);
			}
			this.lastSlug = slug;
			ElectionNames.Contest known = storedContest(slug);
			this.lastContest = (known != null || this.contests.containsKey(slug) || !this.setup) ? known
					: create(row, slug, named, district);
			if (key != null && this.lastContest != null) {
				this.keys.use(key, this.lastContest.id, null);
			}
		}
		if (this.lastContest == null && !this.setup) {
			String shown = ContestRow.shown(office, district);
			this.unknownContests.computeIfAbsent(this.lastSlug,
					(s) -> new UnknownName(row, "office", shown, location)).rows++;
		}
		return this.lastContest;
	}

	/**
	 * The election's contest with this slug, read from the database the first time the
	 * file names the slug; {@code null} when there is none (or it could not be created).
	 */
	private ElectionNames.Contest storedContest(String slug) {
		if (this.askedSlugs.add(slug) && !this.contests.containsKey(slug)) {
			ElectionNames.Contest contest = this.storedContests.bySlug(slug);
			if (contest != null) {
				this.contests.put(slug, contest);
				this.contestsById.put(contest.id, contest);
			}
		}
		return this.contests.get(slug);
	}

	/** The contest an earlier file gave this key, or {@code null}. */
	private ElectionNames.Contest contestByKey(SourceKey key) {
		Keys.Stored stored = this.keys.stored(key);
		if (stored == null) {
			return null;
		}
		ElectionNames.Contest contest = this.contestsById.get(stored.id());
		if (contest == null) {
			StoredContests.Found found = this.storedContests.byId(stored.id());
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

	private ElectionNames.Contest create(long row, String slug, String office, String district) {
		String name = ContestRow.shown(office, district);
		if (!CONTEST_SLUG.matcher(slug).matches() || office.length() > 300 || district.length() > 100
				|| name.length() > 400) {
			this.badNames.add(new Problem(row, "office", name,
					"cannot name a contest: the office needs a letter or a digit, at most 300 characters "
							+ "(district at most 100)"));
			this.contests.put(slug, null);
			return null;
		}
		ElectionNames.Contest contest = new ElectionNames.Contest(this.ids.next(ElectionNames.Sequence.CONTEST), name,
				true, new HashMap<>());
		ContestRow declared = this.declared.get(new OfficeKey(this.lastOffice, district));
		String kind = ((declared != null && declared.measure()) ? ContestKind.MEASURE : ContestKind.CANDIDATE).code();
		int seats = (declared != null && declared.seats() != null) ? declared.seats() : 1;
		this.newContests.add(new ElectionNames.NewContest(contest.id, slug, office, district, name, row, kind, seats,
				(declared != null) ? declared.rule() : null));
		this.contests.put(slug, contest);
		this.contestsById.put(contest.id, contest);
		return contest;
	}

	/**
	 * The contests strict mode does not know, in the order of their first row, each with
	 * the closest known name.
	 */
	void unknown(ProblemCollector problems) {
		List<String> knownContests = this.unknownContests.isEmpty() ? List.of() : this.storedContests.names();
		this.unknownContests.values()
			.forEach((unknown) -> problems.add(unknown.problem("unknown contest (" + unknown.rows + " rows)"
					+ Closest.suggestion(unknown.value, knownContests) + "; import with mode=setup to create it")));
	}

	/** The contests the file gave counts; with {@code freshOnly}, only fresh ones. */
	Stream<ElectionNames.Contest> counted(boolean freshOnly) {
		return this.contests.values()
			.stream()
			.filter((contest) -> contest != null && contest.counted && (contest.fresh || !freshOnly));
	}

	/** The contests setup mode creates. */
	List<ElectionNames.NewContest> created() {
		return this.newContests;
	}

	private record OfficeKey(String office, String district) {
	}

}

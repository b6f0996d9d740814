package org.tally.results.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsQueries;
import org.tally.results.ResultsService;
import org.tally.results.UnitLevel;
import org.tally.results.UnitResult;
import org.tally.results.VoteTypeResult;

import org.springframework.stereotype.Service;

/**
 * A contest's estimate of its final result at its election's revision, made once per
 * revision and shared (docs/projection.md): the baseline's counties are the universe, the
 * contest's county table the count so far.
 */
@Service
public class Projections {

	private final ResultsService results;

	private final Baselines baselines;

	private final UnitCompletions completions;

	private final Map<Long, Made> made = new ConcurrentHashMap<>();

	private final ResultsQueries queries;

	Projections(ResultsService results, ResultsQueries queries, Baselines baselines, UnitCompletions completions) {
		this.results = results;
		this.queries = queries;
		this.baselines = baselines;
		this.completions = completions;
	}

	private record Made(long revision, Projection projection) {
	}

	/** The contest's estimate at the results' revision. */
	public Projection of(ElectionResults current, ContestResult contest) {
		Made known = this.made.get(contest.id());
		if (known != null && known.revision() == current.revision()) {
			return known.projection();
		}
		Projection projection = make(current, contest);
		this.made.put(contest.id(), new Made(current.revision(), projection));
		return projection;
	}

	/**
	 * The contest's estimate from its counts as the caller's transaction sees them (an
	 * import's own calls are noted against the counts they come with), made afresh and
	 * not kept.
	 */
	public Projection uncached(String election, long electionId, ContestResult contest) {
		return make(election, contest, () -> this.queries.reportingUnits(electionId, contest, UnitLevel.COUNTY));
	}

	private Projection make(ElectionResults current, ContestResult contest) {
		return make(current.election().slug(), contest,
				() -> this.results.reportingUnits(current, contest, UnitLevel.COUNTY));
	}

	private Projection make(String election, ContestResult contest, Supplier<List<UnitResult>> counted) {
		List<String> names = contest.candidates().stream().map(CandidateResult::name).toList();
		Optional<BaselineLink> found = this.baselines.find(contest.id());
		if (found.isEmpty()) {
			return Projection.of(election, contest.slug(), null, names,
					new Estimator.Estimate("waiting", 0, 0, null, List.of(), List.of(), -1, -1, null));
		}
		BaselineLink link = found.get();
		ElectionResults before = this.results.results(this.results.current(link.election()));
		List<UnitResult> baselineUnits = this.results.reportingUnits(before,
				this.results.contest(before, link.contest()), UnitLevel.COUNTY);
		List<UnitResult> units = counted.get();
		List<Estimator.Unit> universe = universe(contest, link, baselineUnits, units,
				this.completions.complete(contest.id(), units));
		return Projection.of(election, contest.slug(), new Projection.Ref(link.election(), link.contest()), names,
				Estimator.estimate(universe, names.size()));
	}

	/**
	 * Every baseline unit, with the count of the unit it matched (none yet: still to
	 * report), and every counted unit no baseline unit matched (taken as counted). When
	 * the contest's count is split by vote type, each unit carries its votes per type
	 * ({@link #types}); a complete unit is complete for every type.
	 */
	static List<Estimator.Unit> universe(ContestResult contest, BaselineLink link, List<UnitResult> baselineUnits,
			List<UnitResult> units, Set<String> complete) {
		UnitMatch match = UnitMatch.of(Baselines.units(baselineUnits), Baselines.units(units));
		int choices = contest.candidates().size();
		List<String> types = types(contest, units);
		List<Estimator.Unit> universe = new ArrayList<>();
		Set<Integer> matched = new HashSet<>(match.pairs().values());
		for (int b = 0; b < baselineUnits.size(); b++) {
			UnitResult base = baselineUnits.get(b);
			Map<String, Long> baseVotes = new HashMap<>();
			base.candidates().forEach((votes) -> baseVotes.put(votes.name(), votes.votes()));
			double[] baseline = new double[choices];
			for (int j = 0; j < choices; j++) {
				for (String name : link.choices().getOrDefault(contest.candidates().get(j).name(), List.of())) {
					baseline[j] += baseVotes.getOrDefault(name, 0L);
				}
			}
			Integer at = match.pairs().get(b);
			UnitResult unit = (at != null) ? units.get(at) : null;
			universe.add(unit(baseline, base.totalVotes(), unit, choices, types,
					unit != null && complete.contains(unit.code())));
		}
		for (int i = 0; i < units.size(); i++) {
			if (!matched.contains(i)) {
				universe.add(unit(new double[choices], 0, units.get(i), choices, types,
						complete.contains(units.get(i).code())));
			}
		}
		return universe;
	}

	/**
	 * The vote types the estimate models apart (docs/projection.md, "Vote types"): the
	 * contest's, when its count is split and every unit's votes are all in its types;
	 * none otherwise (the totals are modelled).
	 */
	static List<String> types(ContestResult contest, List<UnitResult> units) {
		if (contest.voteTypes().isEmpty()) {
			return List.of();
		}
		for (UnitResult unit : units) {
			long split = 0;
			for (VoteTypeResult type : unit.voteTypes()) {
				split += type.totalVotes();
			}
			if (split != unit.totalVotes()) {
				return List.of();
			}
		}
		return contest.voteTypes().stream().map(VoteTypeResult::type).toList();
	}

	private static Estimator.Unit unit(double[] baseline, double baselineTotal, UnitResult unit, int choices,
			List<String> types, boolean complete) {
		long[] votes = votes(unit, choices);
		if (types.isEmpty()) {
			return new Estimator.Unit(baseline, baselineTotal, votes, complete);
		}
		long[][] typeVotes = new long[types.size()][choices];
		boolean[] typeComplete = new boolean[types.size()];
		Arrays.fill(typeComplete, complete);
		if (unit != null) {
			for (VoteTypeResult type : unit.voteTypes()) {
				int k = types.indexOf(type.type());
				for (int j = 0; j < choices; j++) {
					typeVotes[k][j] = type.candidates().get(j).votes();
				}
			}
		}
		return new Estimator.Unit(baseline, baselineTotal, votes, complete, typeVotes, typeComplete);
	}

	private static long[] votes(UnitResult unit, int choices) {
		long[] votes = new long[choices];
		if (unit != null) {
			for (int j = 0; j < choices; j++) {
				votes[j] = unit.candidates().get(j).votes();
			}
		}
		return votes;
	}

}

package org.tally.results.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.results.UnitLevel;
import org.tally.results.UnitResult;

import org.springframework.stereotype.Service;

/**
 * Each county's margin then (in the contest's baseline) and its shift since
 * (docs/projection.md, "Then and shift"): the one place these numbers are computed; the
 * county table and the map only show them. Made once per revision of the election (and of
 * its baseline's) and shared.
 */
@Service
public class Shifts {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final ResultsService results;

	private final Baselines baselines;

	private final Map<Long, Made> made = new ConcurrentHashMap<>();

	Shifts(ResultsService results, Baselines baselines) {
		this.results = results;
		this.baselines = baselines;
	}

	private record Made(long revision, String baselineElection, long baselineRevision, Optional<ContestShift> shift) {
	}

	/**
	 * The contest's counties then and now, or empty when it has no baseline or fewer than
	 * two choices.
	 */
	public Optional<ContestShift> of(ElectionResults current, ContestResult contest) {
		Made known = this.made.get(contest.id());
		if (known != null && known.revision() == current.revision() && (known.baselineElection() == null
				|| this.results.current(known.baselineElection()).revision() == known.baselineRevision())) {
			// the link is part of the election's revision; only the baseline may have
			// moved
			return known.shift();
		}
		Optional<BaselineLink> found = this.baselines.find(contest.id());
		if (found.isEmpty() || contest.candidates().size() < 2) {
			this.made.put(contest.id(), new Made(current.revision(), null, -1, Optional.empty()));
			return Optional.empty();
		}
		BaselineLink link = found.get();
		ElectionResults before = this.results.results(this.results.current(link.election()));
		List<UnitResult> baselineUnits = this.results.reportingUnits(before,
				this.results.contest(before, link.contest()), UnitLevel.COUNTY);
		List<UnitResult> units = this.results.reportingUnits(current, contest, UnitLevel.COUNTY);
		Optional<ContestShift> shift = Optional.of(of(contest, link, baselineUnits, units));
		this.made.put(contest.id(), new Made(current.revision(), link.election(), before.revision(), shift));
		return shift;
	}

	/**
	 * The margins of the contest's two leading choices in each county that has a baseline
	 * unit: then from the baseline choices {@code link} names for each, now from the
	 * county's count.
	 */
	static ContestShift of(ContestResult contest, BaselineLink link, List<UnitResult> baselineUnits,
			List<UnitResult> units) {
		List<CandidateResult> candidates = contest.candidates();
		String first = candidates.get(0).name();
		String second = candidates.get(1).name();
		UnitMatch match = UnitMatch.of(Baselines.units(baselineUnits), Baselines.units(units));
		Map<String, ContestShift.Unit> shifts = new HashMap<>();
		match.pairs().forEach((b, at) -> {
			UnitResult base = baselineUnits.get(b);
			UnitResult unit = units.get(at);
			if (base.totalVotes() == 0) {
				return;
			}
			long thenFirst = 0;
			long thenSecond = 0;
			for (UnitResult.Votes votes : base.candidates()) {
				if (link.choices().getOrDefault(first, List.of()).contains(votes.name())) {
					thenFirst += votes.votes();
				}
				if (link.choices().getOrDefault(second, List.of()).contains(votes.name())) {
					thenSecond += votes.votes();
				}
			}
			BigDecimal then = exact(thenFirst - thenSecond, base.totalVotes());
			if (unit.totalVotes() == 0) {
				shifts.put(unit.code(), new ContestShift.Unit(rounded(then), null, null));
				return;
			}
			BigDecimal now = exact(unit.candidates().get(0).votes() - unit.candidates().get(1).votes(),
					unit.totalVotes());
			shifts.put(unit.code(), new ContestShift.Unit(rounded(then), rounded(now), rounded(now.subtract(then))));
		});
		return new ContestShift(new Projection.Ref(link.election(), link.contest()), first, second, shifts);
	}

	/** Points of the total, to twelve places (rounded once, for showing). */
	private static BigDecimal exact(long difference, long total) {
		return BigDecimal.valueOf(difference)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(total), 12, RoundingMode.HALF_UP);
	}

	private static BigDecimal rounded(BigDecimal points) {
		return points.setScale(1, RoundingMode.HALF_UP);
	}

}

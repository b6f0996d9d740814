package org.tally.results.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the units of a contest with the units of its baseline: by code where both have
 * the same one, else by {@link UnitNames#normalise}. A unit matches at most one unit.
 *
 * @param pairs baseline unit index to current unit index
 * @param unmatchedBaseline the baseline units no current unit matched (still to report)
 * @param unmatchedCurrent the current units no baseline unit matched (outside the model)
 */
public record UnitMatch(Map<Integer, Integer> pairs, List<Unit> unmatchedBaseline, List<Unit> unmatchedCurrent) {

	/**
	 * A unit as matching sees it.
	 *
	 * @param code its code (a FIPS code, the file's unit id), or null
	 * @param name its name
	 * @param level {@code county}, {@code precinct} or {@code state}
	 */
	public record Unit(String code, String name, String level) {
	}

	public static UnitMatch of(List<Unit> baseline, List<Unit> current) {
		Map<String, Integer> byCode = new HashMap<>();
		Map<String, Integer> byName = new HashMap<>();
		for (int i = 0; i < current.size(); i++) {
			Unit unit = current.get(i);
			if (unit.code() != null) {
				byCode.putIfAbsent(unit.code(), i);
			}
			byName.putIfAbsent(UnitNames.normalise(unit.name(), unit.level()), i);
		}
		Map<Integer, Integer> pairs = new LinkedHashMap<>();
		boolean[] taken = new boolean[current.size()];
		List<Integer> left = new ArrayList<>();
		for (int b = 0; b < baseline.size(); b++) {
			Unit unit = baseline.get(b);
			Integer found = (unit.code() != null) ? byCode.get(unit.code()) : null;
			if (found != null && !taken[found]) {
				pairs.put(b, found);
				taken[found] = true;
			}
			else {
				left.add(b);
			}
		}
		List<Unit> unmatchedBaseline = new ArrayList<>();
		for (int b : left) {
			Unit unit = baseline.get(b);
			Integer found = byName.get(UnitNames.normalise(unit.name(), unit.level()));
			if (found != null && !taken[found]) {
				pairs.put(b, found);
				taken[found] = true;
			}
			else {
				unmatchedBaseline.add(unit);
			}
		}
		List<Unit> unmatchedCurrent = new ArrayList<>();
		for (int i = 0; i < current.size(); i++) {
			if (!taken[i]) {
				unmatchedCurrent.add(current.get(i));
			}
		}
		return new UnitMatch(pairs, unmatchedBaseline, unmatchedCurrent);
	}

}

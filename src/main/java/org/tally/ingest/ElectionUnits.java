package org.tally.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.ingest.kit.SourceKey;
import org.tally.kernel.Slugs;

/**
 * The reporting units of one election under the names files use (part of
 * {@link ElectionNames}): found by the key an earlier file gave them, else by county and
 * precinct, a county's units read when the file first names the county. Setup mode
 * creates the units a file names and the election lacks; strict mode keeps the unknown
 * ones for the problem list.
 */
final class ElectionUnits {

	private final boolean setup;

	private final ElectionNames.Ids ids;

	private final Keys keys;

	private final Map<Long, ElectionNames.Unit> keyedUnits;

	/** Problems with names setup mode cannot create, shared with contests and choices. */
	private final List<Problem> badNames;

	private final Map<String, ElectionNames.Unit> units = new HashMap<>();

	private final ElectionNames.Units stored;

	private final Set<String> readCounties = new HashSet<>();

	private final Map<String, String> countyCodes = new HashMap<>();

	private final List<ElectionNames.NewUnit> newUnits = new ArrayList<>();

	private final Map<String, UnknownName> unknownUnits = new LinkedHashMap<>();

	private String lastCounty;

	private String lastPrecinct;

	private ElectionNames.Unit lastUnit;

	ElectionUnits(boolean setup, ElectionNames.Ids ids, ElectionNames.Units units, Keys keys,
			Map<Long, ElectionNames.Unit> keyedUnits, List<Problem> badNames) {
		this.setup = setup;
		this.ids = ids;
		this.stored = units;
		this.keys = keys;
		this.keyedUnits = keyedUnits;
		this.badNames = badNames;
	}

	/**
	 * The unit a row names, or {@link ElectionNames.Unit#UNKNOWN} when strict mode does
	 * not know it (the name is kept for the problem list).
	 */
	ElectionNames.Unit unit(long row, String location, String county, String precinct) {
		if (county.equals(this.lastCounty) && Objects.equals(precinct, this.lastPrecinct)) {
			return this.lastUnit;
		}
		SourceKey key = this.keys.unit(county, precinct);
		ElectionNames.Unit unit = (key != null) ? unitByKey(key) : null;
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
				unit = ElectionNames.Unit.UNKNOWN;
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
	private ElectionNames.Unit unitByKey(SourceKey key) {
		Keys.Stored stored = this.keys.stored(key);
		if (stored == null) {
			return null;
		}
		ElectionNames.Unit unit = this.keyedUnits.get(stored.id());
		if (unit != null) {
			this.keys.found(key, stored, unit.id(), null);
		}
		return unit;
	}

	private ElectionNames.Unit unit(long row, String location, String code, String name, ElectionNames.Unit county,
			String column) {
		ElectionNames.Unit unit = this.units.get(code);
		if (unit != null) {
			return unit;
		}
		if (!this.setup) {
			this.unknownUnits.computeIfAbsent(code, (c) -> new UnknownName(row, column, name, location)).rows++;
			return ElectionNames.Unit.UNKNOWN;
		}
		if (code.isEmpty() || code.length() > 300 || name.length() > 300) {
			this.badNames.add(new Problem(row, column, name,
					"cannot name a reporting unit: it needs a letter or a digit and at most 300 characters"));
			this.units.put(code, ElectionNames.Unit.UNKNOWN);
			return ElectionNames.Unit.UNKNOWN;
		}
		long id = this.ids.next(ElectionNames.Sequence.UNIT);
		ElectionNames.Unit created = new ElectionNames.Unit(id, (county != null) ? "precinct" : "county",
				(county != null) ? county.id() : null, CountSums.Place.unknown());
		this.newUnits.add(new ElectionNames.NewUnit(id, code, name, created.level(), created.parentId()));
		this.units.put(code, created);
		return created;
	}

	/** The units strict mode does not know, in the order of their first row. */
	void unknown(ProblemCollector problems) {
		this.unknownUnits.values()
			.forEach((unknown) -> problems.add(unknown
				.problem("unknown " + unknown.column + "; import with mode=setup to create reporting units")));
	}

	/** The units setup mode creates. */
	List<ElectionNames.NewUnit> created() {
		return this.newUnits;
	}

}

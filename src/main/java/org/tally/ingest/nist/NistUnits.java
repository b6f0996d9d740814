package org.tally.ingest.nist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.Problem;

/**
 * The {@code GpUnit}s of a NIST report and the rule of which of them count: a unit is
 * placed by the role it plays in each contest, not by its type name alone.
 * <p>
 * Among the units holding a contest's counts, a unit that another of them lies inside
 * ({@code ComposingGpUnitIds}, followed down) is left out, as are, when more than one
 * unit holds counts, the election's scope, the contest's district and units of a
 * state-wide or district type: all of them hold sums of the others. A
 * {@code ReportingDevice} is the exception: its counts are a breakdown of the unit
 * composed of it, so that unit is counted, not the device. A counted county is a
 * county-level unit; any other counted unit is a precinct-level unit under the nearest
 * county that composes it, else under the election's scope (or the election's own
 * jurisdiction when the scope is a state).
 */
final class NistUnits {

	static final Set<String> WIDE_TYPES = Set.of("country", "state");

	static final Set<String> DISTRICT_TYPES = Set.of("congressional", "state-house", "state-senate", "judicial",
			"school", "city-council", "county-council", "utility", "water", "special", "ballot-style-area");

	private final Map<String, Integer> index = new HashMap<>();

	private final List<Unit> units = new ArrayList<>();

	private int scope = -1;

	private String scopeCounty;

	/** A unit as the file defines it (or, until then, as some count names it). */
	static final class Unit {

		final int index;

		final String id;

		final long firstLine;

		final String firstAt;

		boolean defined;

		/**
		 * A {@code ReportingDevice} (a scanner, a DRE): its counts are a breakdown of the
		 * unit composed of it.
		 */
		boolean device;

		String type = "";

		String name;

		List<String> composing = List.of();

		final List<Integer> parents = new ArrayList<>();

		int county = -1;

		Integer subUnitsReported;

		Integer totalSubUnits;

		Long votersRegistered;

		Long votersParticipated;

		Unit(int index, String id, long firstLine, String firstAt) {
			this.index = index;
			this.id = id;
			this.name = id;
			this.firstLine = firstLine;
			this.firstAt = firstAt;
		}

		boolean hasProgress() {
			return this.subUnitsReported != null || this.totalSubUnits != null || this.votersRegistered != null
					|| this.votersParticipated != null;
		}

	}

	/** The unit with this id, made known by a reference when not yet defined. */
	Unit reference(String id, long line, String at) {
		Integer known = this.index.get(id);
		if (known != null) {
			return this.units.get(known);
		}
		Unit unit = new Unit(this.units.size(), id, line, at);
		this.index.put(id, unit.index);
		this.units.add(unit);
		return unit;
	}

	/** The unit with this id, or {@code null}. */
	Unit find(String id) {
		Integer known = (id != null) ? this.index.get(id) : null;
		return (known != null) ? this.units.get(known) : null;
	}

	Unit get(int index) {
		return this.units.get(index);
	}

	/** Keeps a {@code GpUnit} of the file. */
	void define(JsonNode node, String at, Consumer<Problem> problems) {
		String id = JsonFiles.string(node, "@id");
		if (id == null) {
			problems.accept(new Problem(0, null, null, "GpUnit without an @id", at));
			return;
		}
		Unit unit = reference(id, 0, at);
		if (unit.defined) {
			problems.accept(new Problem(0, null, id, "@id defined twice", at + "/@id"));
			return;
		}
		unit.defined = true;
		unit.device = "ElectionResults.ReportingDevice".equals(JsonFiles.string(node, "@type"));
		String type = JsonFiles.string(node, "Type");
		unit.type = (type != null) ? type.toLowerCase(Locale.ROOT) : "";
		String name = JsonFiles.text(node.get("Name"));
		unit.name = (name != null) ? name : id;
		JsonNode composing = node.get("ComposingGpUnitIds");
		if (composing != null) {
			unit.composing = NistIndex.ids(composing);
		}
		unit.subUnitsReported = JsonFiles.integer(node.get("SubUnitsReported"));
		unit.totalSubUnits = JsonFiles.integer(node.get("TotalSubUnits"));
		unit.votersRegistered = JsonFiles.count(node.get("VotersRegistered"));
		unit.votersParticipated = JsonFiles.count(node.get("VotersParticipated"));
	}

	/**
	 * Once the file is read: reports ids nothing defines, links each unit to those
	 * composing it and finds each one's county.
	 * @param warnings keyed, so that each is given once
	 */
	void link(String scopeId, Consumer<Problem> problems, BiConsumer<String, Problem> warnings) {
		for (Unit unit : this.units) {
			if (!unit.defined) {
				problems
					.accept(new Problem(unit.firstLine, "GpUnitId", unit.id, "no GpUnit has this @id", unit.firstAt));
			}
		}
		for (Unit unit : List.copyOf(this.units)) {
			for (String child : unit.composing) {
				Unit part = find(child);
				if (part == null || !part.defined) {
					warnings.accept("composing:" + child, new Problem(0, "ComposingGpUnitIds", child,
							"the GpUnit " + unit.id + " is composed of a unit the file does not define", unit.firstAt));
					continue;
				}
				part.parents.add(unit.index);
			}
		}
		for (Unit unit : this.units) {
			unit.county = nearestCounty(unit);
		}
		Unit scope = find(scopeId);
		this.scope = (scope != null) ? scope.index : -1;
		this.scopeCounty = (scope != null && scope.defined && !WIDE_TYPES.contains(scope.type)
				&& !DISTRICT_TYPES.contains(scope.type)) ? scope.name : null;
	}

	/**
	 * The units to count among those holding a contest's counts, or {@code null} when
	 * none can be told apart from the sums (each lies inside another).
	 */
	BitSet counted(BitSet held, String districtId) {
		BitSet aggregate = new BitSet();
		for (int at = held.nextSetBit(0); at >= 0; at = held.nextSetBit(at + 1)) {
			int inner = at;
			Unit unit = this.units.get(at);
			ancestors(unit, (parent) -> {
				if (parent != inner && held.get(parent)) {
					// a device's counts are a breakdown of the unit composed of it, which
					// is counted instead; any other unit inside holds a part of the sum
					aggregate.set(unit.device ? inner : parent);
					return unit.device;
				}
				return false;
			});
		}
		Unit district = find(districtId);
		if (held.cardinality() > 1) {
			for (int at = held.nextSetBit(0); at >= 0; at = held.nextSetBit(at + 1)) {
				Unit unit = this.units.get(at);
				if (at == this.scope || (district != null && at == district.index) || WIDE_TYPES.contains(unit.type)
						|| DISTRICT_TYPES.contains(unit.type)) {
					aggregate.set(at);
				}
			}
		}
		BitSet counted = (BitSet) held.clone();
		counted.andNot(aggregate);
		if (counted.isEmpty() && !held.isEmpty()) {
			if (district != null && held.get(district.index)) {
				counted.set(district.index);
			}
			else if (this.scope >= 0 && held.get(this.scope)) {
				counted.set(this.scope);
			}
			else {
				return null;
			}
		}
		return counted;
	}

	/** The county a counted unit is or lies in; {@code null}: the election's own. */
	String county(Unit unit) {
		if ("county".equals(unit.type)) {
			return unit.name;
		}
		if (unit.county >= 0) {
			return this.units.get(unit.county).name;
		}
		return this.scopeCounty;
	}

	/** The precinct-level name of a counted unit; {@code null} for a county-level one. */
	String precinct(Unit unit) {
		if ("county".equals(unit.type)) {
			return null;
		}
		if (unit.county < 0
				&& (unit.index == this.scope || WIDE_TYPES.contains(unit.type) || DISTRICT_TYPES.contains(unit.type))) {
			return null;
		}
		return unit.name;
	}

	/** Calls back with every unit the unit at {@code index} lies inside, each once. */
	void within(int index, java.util.function.IntConsumer outer) {
		ancestors(this.units.get(index), (parent) -> {
			outer.accept(parent);
			return false;
		});
	}

	/** Whether the unit is the election's scope ({@code ElectionScopeId}). */
	boolean isScope(Unit unit) {
		return unit.index == this.scope;
	}

	private int nearestCounty(Unit unit) {
		int[] county = { -1 };
		ancestors(unit, (parent) -> {
			if ("county".equals(this.units.get(parent).type)) {
				county[0] = parent;
				return true;
			}
			return false;
		});
		return county[0];
	}

	private interface Visit {

		/**
		 * @return whether to stop
		 */
		boolean visit(int parent);

	}

	/** Walks up from a unit to every unit composing it, nearest first, each once. */
	private void ancestors(Unit unit, Visit visit) {
		ArrayDeque<Integer> up = new ArrayDeque<>(unit.parents);
		BitSet seen = new BitSet();
		while (!up.isEmpty()) {
			int parent = up.removeFirst();
			if (seen.get(parent)) {
				continue;
			}
			seen.set(parent);
			if (visit.visit(parent)) {
				return;
			}
			up.addAll(this.units.get(parent).parents);
		}
	}

}

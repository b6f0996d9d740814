package org.tally.ingest.nist;

import org.tally.ingest.kit.JsonFiles;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.StatedTotal;

/**
 * A NIST report's {@code Election.BallotCounts}: the ballots cast it states per unit
 * ({@code Type} total, no {@code DeviceClass}, no {@code Round}). At a unit Tally counts
 * they are its ballots cast where its {@code GpUnit} states no {@code VotersParticipated}
 * (and checked against that figure where it does); at a unit Tally does not count (a
 * county, the election's scope) they are a stated total, checked against the ballots cast
 * of the counted units inside it, as the import's reconciliation ({@code ballots-cast},
 * docs/import.md, Reconciliation).
 */
final class NistBallotCounts {

	private static final int MAX = 100_000;

	private record Entry(String unitId, long cast, long line, String at) {
	}

	private final List<Entry> entries = new ArrayList<>();

	/** The first entry of each unit, by unit index, once resolved. */
	private final Map<Integer, Entry> byUnit = new HashMap<>();

	/** Units whose ballots cast Tally takes from their entry (no VotersParticipated). */
	private final BitSet filled = new BitSet();

	/** Notes one {@code BallotCounts} entry (first pass). */
	void add(JsonNode node, String at, long line, Consumer<Problem> problems) {
		JsonNode cast = node.get("BallotsCast");
		String type = JsonFiles.string(node, "Type");
		if (cast == null || cast.isNull() || type == null || !"total".equals(type.toLowerCase(Locale.ROOT))
				|| node.has("DeviceClass") || node.has("Round") || this.entries.size() >= MAX) {
			return;
		}
		Long value = JsonFiles.count(cast);
		if (value == null) {
			problems.accept(new Problem(line, "BallotsCast", JsonFiles.shown(cast),
					"BallotsCast must be a whole number, 0 or more (at most 10^12)", at + "/BallotsCast"));
			return;
		}
		this.entries.add(new Entry(JsonFiles.string(node, "GpUnitId"), value, line, at + "/BallotsCast"));
	}

	/**
	 * Between the passes: each entry's unit, and a unit's ballots cast where its
	 * {@code GpUnit} states none.
	 */
	void resolve(NistUnits units) {
		for (Entry entry : this.entries) {
			NistUnits.Unit unit = (entry.unitId() != null) ? units.find(entry.unitId()) : null;
			if (unit != null && this.byUnit.putIfAbsent(unit.index, entry) == null && unit.votersParticipated == null) {
				unit.votersParticipated = entry.cast();
				this.filled.set(unit.index);
			}
		}
	}

	/**
	 * After the second pass: every entry against what Tally publishes from the file.
	 * @param counted the units some contest counts
	 */
	void reconcile(NistUnits units, BitSet counted, RowSink sink) {
		if (this.byUnit.isEmpty()) {
			return;
		}
		Map<Integer, long[]> inside = new HashMap<>();
		this.byUnit.keySet().forEach((index) -> inside.put(index, new long[] { 0, 0, 0 }));
		long[] all = { 0, 0, 0 };
		for (int at = counted.nextSetBit(0); at >= 0; at = counted.nextSetBit(at + 1)) {
			Long cast = units.get(at).votersParticipated;
			add(all, cast);
			units.within(at, (outer) -> {
				long[] sum = inside.get(outer);
				if (sum != null) {
					add(sum, cast);
				}
			});
		}
		this.byUnit.forEach((index, entry) -> {
			NistUnits.Unit unit = units.get(index);
			long computed;
			if (counted.get(index)) {
				if (this.filled.get(index)) {
					// its own figure, published as it is: nothing to check
					return;
				}
				computed = unit.votersParticipated;
			}
			else {
				long[] sum = inside.get(index);
				if (units.isScope(unit) && sum[1] + sum[2] == 0) {
					// the election's scope, composed of nothing: every counted unit
					sum = all;
				}
				if (sum[1] == 0 || sum[2] > 0) {
					// no counted unit inside, or one whose ballots cast the file does
					// not state
					return;
				}
				computed = sum[0];
			}
			sink.stated(new StatedTotal(null, null, unit.name, "ballots-cast", entry.cast(), computed, entry.at()));
		});
	}

	private static void add(long[] sum, Long cast) {
		if (cast != null) {
			sum[0] += cast;
			sum[1]++;
		}
		else {
			sum[2]++;
		}
	}

}

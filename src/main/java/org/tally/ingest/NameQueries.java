package org.tally.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements {@link ElectionNames} needs while a file streams, each run with the
 * staging {@code COPY} paused: a county's reporting units, ids for new rows from the
 * sequences, and where the counts of units new to the election go in the sums.
 */
@Component
class NameQueries {

	private final JdbcClient jdbc;

	NameQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The reporting units of one county of the election by code: the county's own unit
	 * and every unit whose code is under it ({@code <county>/<precinct>}), by the prefix
	 * index of V38.
	 */
	Map<String, ElectionNames.Unit> units(long electionId, String countyCode) {
		Map<String, ElectionNames.Unit> units = new HashMap<>();
		this.jdbc.sql("""
				select code, id, level, parent_id, sum_county_id, sum_block, sum_bit
				from reporting_unit where election_id = :election and (code = :county or code like :under)
				""")
			.param("election", electionId)
			.param("county", countyCode)
			.param("under", likePrefix(countyCode + "/"))
			.query((RowCallbackHandler) (rs) -> units.put(rs.getString("code"), new ElectionNames.Unit(rs.getLong("id"),
					rs.getString("level"), (Long) rs.getObject("parent_id", Long.class),
					CountSums.Place.of(rs.getLong("sum_county_id"), rs.getLong("sum_block"), rs.getLong("sum_bit")))));
		return units;
	}

	/** A LIKE pattern matching every text that starts with the prefix. */
	static String likePrefix(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Ids for new rows: {@code count} values of the sequence. */
	long[] nextIds(ElectionNames.Sequence sequence, int count) {
		return this.jdbc.sql("select nextval(?::regclass) from generate_series(1, ?)")
			.param(sequence.sequenceName())
			.param(count)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/**
	 * Where the counts of units not written yet go in the sums, by the database's one
	 * definition ({@code count_place}, V15): per unit id, county, block and bit.
	 */
	Map<Long, long[]> place(List<ElectionNames.Unit> units) {
		Map<Long, long[]> places = new HashMap<>();
		this.jdbc.sql("""
				select n.id, p.county_id, p.block_no, p.block_bit
				from unnest(:ids, :levels, :parents) as n(id, level, parent_id)
				cross join lateral count_place(n.level, n.id, n.parent_id) p
				""")
			.param("ids", units.stream().map(ElectionNames.Unit::id).toArray(Long[]::new))
			.param("levels", units.stream().map(ElectionNames.Unit::level).toArray(String[]::new))
			.param("parents", units.stream().map(ElectionNames.Unit::parentId).toArray(Long[]::new))
			.query((RowCallbackHandler) (rs) -> places.put(rs.getLong(1),
					new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }));
		return places;
	}

}

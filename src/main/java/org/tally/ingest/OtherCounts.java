package org.tally.ingest;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Import step: keeps the over-votes, under-votes and blanks a file states (V18,
 * {@code other_count}), each replacing the one kept for its contest, unit and kind, and
 * tells which contests they changed: a file that changes only those still makes a
 * revision, one that restates them makes none (docs/import.md, Other counts).
 */
@Component
class OtherCounts {

	private final JdbcClient jdbc;

	OtherCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the file's other counts.
	 * @return the contests whose other counts changed (a new figure, or another value)
	 */
	List<Long> write(List<StagingSink.OtherCount> counts) {
		if (counts.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					with stated as (
					    select distinct on (contest_id, unit_id, kind) contest_id, unit_id, kind, count
					    from unnest(:contests, :units, :kinds, :counts) with ordinality as n(contest_id, unit_id, kind, count, at)
					    order by contest_id, unit_id, kind, at desc),
					written as (
					    insert into other_count (contest_id, unit_id, kind, count)
					    select s.contest_id, s.unit_id, s.kind, s.count from stated s
					    where not exists (select 1 from other_count o where o.contest_id = s.contest_id
					                      and o.unit_id = s.unit_id and o.kind = s.kind and o.count = s.count)
					    on conflict (contest_id, unit_id, kind) do update set count = excluded.count
					    returning contest_id)
					select distinct contest_id from written order by 1
					""")
			.param("contests", counts.stream().map(StagingSink.OtherCount::contestId).toArray(Long[]::new))
			.param("units", counts.stream().map(StagingSink.OtherCount::unitId).toArray(Long[]::new))
			.param("kinds", counts.stream().map((c) -> c.kind().code()).toArray(String[]::new))
			.param("counts", counts.stream().map(StagingSink.OtherCount::count).toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

}

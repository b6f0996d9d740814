package org.tally.ingest;

import org.tally.ingest.kit.SourceKey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an import reads of the election's names, under its lock: only what the file names
 * (issue 27, docs/import.md "Work proportional to the file"). A contest with its choices
 * when the file first names its slug (or the id an earlier file's key gave it), the
 * stored keys the file brings ({@code = any} of their kinds, scopes and keys, with the
 * units they name), never the election's whole list. Each read pauses the staging
 * {@code COPY} for its one statement. The rows read are counted, by table, in the
 * {@code tally.import.names.rows} counter.
 */
@Component
class StoredNames {

	static final String ROWS_READ = "tally.import.names.rows";

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	StoredNames(JdbcClient jdbc, ObjectProvider<MeterRegistry> meters) {
		this.jdbc = jdbc;
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
	}

	/**
	 * How the reads run while the file streams: the staging {@code COPY} holds the
	 * connection, so each statement waits for it to pause (and is timed as names).
	 */
	interface Statements {

		void run(Runnable statement);

	}

	/**
	 * The names of one import: nothing is read yet but whether the election has contests,
	 * units and keys at all (an election without them reads nothing more).
	 */
	ElectionNames names(long electionId, ImportMode mode, ElectionNames.Ids ids, Statements pause,
			ElectionNames.Units units) {
		boolean[] any = this.jdbc.sql("""
				select exists (select 1 from contest where election_id = :e),
				       exists (select 1 from reporting_unit where election_id = :e),
				       exists (select 1 from source_key where election_id = :e)
				""")
			.param("e", electionId)
			.query((rs, n) -> new boolean[] { rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3) })
			.single();
		Map<Long, ElectionNames.Unit> keyedUnits = new HashMap<>();
		StoredContests contests = any[0] ? new ContestReads(electionId, pause) : StoredContests.NONE;
		Keys keys = new Keys(any[2] ? new KeyReads(electionId, pause, keyedUnits) : Keys.Loader.NONE);
		return new ElectionNames(mode, ids, contests, any[1] ? units : ElectionNames.Units.NONE, keys, keyedUnits);
	}

	private void counted(String table, long rows) {
		if (rows > 0) {
			Counter.builder(ROWS_READ)
				.description("Rows an import read of the election's names")
				.tag("table", table)
				.register(this.meters)
				.increment(rows);
		}
	}

	/** The election's contests, one slug or id at a time, each with its choices. */
	private final class ContestReads implements StoredContests {

		private static final String CONTEST = """
				select c.id, c.slug, c.name, not exists (select 1 from vote_count v where v.contest_id = c.id) as fresh,
				       ch.name as choice, ch.id as choice_id
				from contest c left join choice ch on ch.contest_id = c.id
				where c.election_id = :election and %s
				""";

		private final long electionId;

		private final Statements pause;

		ContestReads(long electionId, Statements pause) {
			this.electionId = electionId;
			this.pause = pause;
		}

		@Override
		public ElectionNames.Contest bySlug(String slug) {
			Found found = read("c.slug = :named", slug);
			return (found != null) ? found.contest() : null;
		}

		@Override
		public Found byId(long id) {
			return read("c.id = :named", id);
		}

		private Found read(String where, Object named) {
			Found[] found = { null };
			long[] rows = { 0 };
			this.pause.run(() -> StoredNames.this.jdbc.sql(CONTEST.formatted(where))
				.param("election", this.electionId)
				.param("named", named)
				.query((RowCallbackHandler) (rs) -> {
					if (found[0] == null) {
						found[0] = new Found(rs.getString("slug"), new ElectionNames.Contest(rs.getLong("id"),
								rs.getString("name"), rs.getBoolean("fresh"), new HashMap<>()));
						counted("contest", 1);
					}
					String choice = rs.getString("choice");
					if (choice != null) {
						found[0].contest().choices.put(choice, rs.getLong("choice_id"));
						rows[0]++;
					}
				}));
			counted("choice", rows[0]);
			return found[0];
		}

		@Override
		public List<String> names() {
			List<String> names = StoredNames.this.jdbc.sql("select name from contest where election_id = ?")
				.param(this.electionId)
				.query(String.class)
				.list();
			counted("contest", names.size());
			return names;
		}

	}

	/**
	 * The keys earlier files kept, as this file brings them, with the units they name.
	 */
	private final class KeyReads implements Keys.Loader {

		private final long electionId;

		private final Statements pause;

		private final Map<Long, ElectionNames.Unit> units;

		KeyReads(long electionId, Statements pause, Map<Long, ElectionNames.Unit> units) {
			this.electionId = electionId;
			this.pause = pause;
			this.units = units;
		}

		@Override
		public List<Keys.Stored> stored(List<SourceKey> keys) {
			List<Keys.Stored> stored = new ArrayList<>();
			this.pause.run(() -> stored.addAll(StoredNames.this.jdbc.sql("""
					select kind, scope, key, coalesce(choice_id, unit_id, contest_id) as id, contest_id, label
					from source_key
					where election_id = :election
					      and (scope, kind, key) in (select * from unnest(:scopes, :kinds, :keys))
					""")
				.param("election", this.electionId)
				.param("scopes", keys.stream().map(SourceKey::scope).toArray(String[]::new))
				.param("kinds", keys.stream().map((key) -> key.kind().code()).toArray(String[]::new))
				.param("keys", keys.stream().map(SourceKey::key).toArray(String[]::new))
				.query(KeyReads::key)
				.list()));
			counted("source_key", stored.size());
			this.pause.run(() -> readUnits(stored));
			return stored;
		}

		@Override
		public List<Keys.Stored> contestKeys(long contestId) {
			return boundKeys("contest", "contest_id", contestId);
		}

		@Override
		public List<Keys.Stored> choiceKeys(long choiceId) {
			return boundKeys("choice", "choice_id", choiceId);
		}

		/** The keys of one kind earlier files bound one contest or choice to. */
		private List<Keys.Stored> boundKeys(String kind, String column, long id) {
			List<Keys.Stored> stored = new ArrayList<>();
			this.pause.run(() -> stored.addAll(StoredNames.this.jdbc.sql("""
					select kind, scope, key, coalesce(choice_id, contest_id) as id, contest_id, label
					from source_key
					where election_id = :election and kind = :kind and %s = :id
					order by scope, key
					""".formatted(column))
				.param("kind", kind)
				.param("id", id)
				.param("election", this.electionId)
				.query(KeyReads::key)
				.list()));
			counted("source_key", stored.size());
			return stored;
		}

		/**
		 * The units the unit keys name, by id: a keyed file finds its units by key
		 * wherever they are, without reading the election's other units.
		 */
		private void readUnits(List<Keys.Stored> keys) {
			List<Long> ids = new ArrayList<>();
			keys.stream().filter((key) -> key.kind() == SourceKey.Kind.UNIT).forEach((key) -> ids.add(key.id()));
			if (ids.isEmpty()) {
				return;
			}
			long before = this.units.size();
			StoredNames.this.jdbc.sql("""
					select id, level, parent_id, sum_county_id, sum_block, sum_bit from reporting_unit where id = any(?)
					""")
				.param(ids.toArray(Long[]::new))
				.query((RowCallbackHandler) (rs) -> this.units.put(rs.getLong("id"),
						new ElectionNames.Unit(rs.getLong("id"), rs.getString("level"),
								(Long) rs.getObject("parent_id", Long.class), CountSums.Place
									.of(rs.getLong("sum_county_id"), rs.getLong("sum_block"), rs.getLong("sum_bit")))));
			counted("reporting_unit", this.units.size() - before);
		}

		private static Keys.Stored key(ResultSet rs, int row) throws SQLException {
			return new Keys.Stored(SourceKey.Kind.valueOf(rs.getString("kind").toUpperCase()), rs.getString("scope"),
					rs.getString("key"), rs.getLong("id"), (Long) rs.getObject("contest_id", Long.class),
					rs.getString("label"));
		}

	}

}

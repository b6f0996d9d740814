package org.tally.ingest;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the names an import added, inside its transaction: what setup mode created
 * (contests, their choices, units) and the source keys the file used. Kept apart from
 * {@link CountMerge}, which merges the counts.
 */
@Component
class NewNames {

	private final JdbcClient jdbc;

	NewNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps the keys a file used with what they named (V18, {@code source_key}), the name
	 * it wrote for each replacing the one kept (docs/import.md, Identity by key).
	 */
	void keys(long electionId, List<Keys.Used> used) {
		if (used.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into source_key (election_id, scope, kind, key, contest_id, choice_id, unit_id, label)
				select :election, scope, kind, key,
				       case when kind = 'contest' then id else contest_id end,
				       case when kind = 'choice' then id end,
				       case when kind = 'unit' then id end,
				       label
				from unnest(:scopes, :kinds, :keys, :ids, :contests, :labels)
				     as n(scope, kind, key, id, contest_id, label)
				on conflict (election_id, scope, kind, key) do update
				set contest_id = excluded.contest_id, choice_id = excluded.choice_id, unit_id = excluded.unit_id,
				    label = excluded.label
				""")
			.param("election", electionId)
			.param("scopes", used.stream().map((u) -> u.key().scope()).toArray(String[]::new))
			.param("kinds", used.stream().map((u) -> u.key().kind().code()).toArray(String[]::new))
			.param("keys", used.stream().map((u) -> u.key().key()).toArray(String[]::new))
			.param("ids", used.stream().map(Keys.Used::id).toArray(Long[]::new))
			.param("contests", used.stream().map(Keys.Used::contestId).toArray(Long[]::new))
			.param("labels", used.stream().map((u) -> u.key().written()).toArray(String[]::new))
			.update();
	}

	/**
	 * Writes what setup mode created: contests, their candidates, units (in one statement
	 * each).
	 */
	void create(long electionId, String rule, ElectionNames.Created created) {
		if (created.isEmpty()) {
			return;
		}
		List<ElectionNames.NewContest> contests = created.contests();
		this.jdbc.sql("""
				insert into contest (id, election_id, slug, office, district, name, rule, ballot_order, kind, seats)
				select id, :election, slug, office, district, name, coalesce(rule, :rule),
				       least(ballot_order, 2147483647), kind, seats
				from unnest(:ids, :slugs, :offices, :districts, :names, :orders, :kinds, :seats, :rules)
				     as n(id, slug, office, district, name, ballot_order, kind, seats, rule)
				""")
			.param("election", electionId)
			.param("rule", rule)
			.param("ids", contests.stream().map(ElectionNames.NewContest::id).toArray(Long[]::new))
			.param("slugs", contests.stream().map(ElectionNames.NewContest::slug).toArray(String[]::new))
			.param("offices", contests.stream().map(ElectionNames.NewContest::office).toArray(String[]::new))
			.param("districts", contests.stream().map(ElectionNames.NewContest::district).toArray(String[]::new))
			.param("names", contests.stream().map(ElectionNames.NewContest::name).toArray(String[]::new))
			.param("orders", contests.stream().map(ElectionNames.NewContest::firstRow).toArray(Long[]::new))
			.param("kinds", contests.stream().map(ElectionNames.NewContest::kind).toArray(String[]::new))
			.param("seats", contests.stream().map(ElectionNames.NewContest::seats).toArray(Integer[]::new))
			.param("rules", contests.stream().map(ElectionNames.NewContest::rule).toArray(String[]::new))
			.update();
		List<ElectionNames.NewChoice> choices = created.choices();
		this.jdbc.sql("""
				insert into choice (id, contest_id, name, party, incumbent, write_in, ballot_order, written_name)
				select id, contest_id, name, party, incumbent, write_in, least(ballot_order, 2147483647),
				       nullif(written_name, name)
				from unnest(:ids, :contests, :names, :parties, :incumbents, :writeIns, :orders, :writtenNames)
				     as n(id, contest_id, name, party, incumbent, write_in, ballot_order, written_name)
				""")
			.param("ids", choices.stream().map(ElectionNames.NewChoice::id).toArray(Long[]::new))
			.param("contests", choices.stream().map(ElectionNames.NewChoice::contestId).toArray(Long[]::new))
			.param("names", choices.stream().map(ElectionNames.NewChoice::name).toArray(String[]::new))
			.param("parties", choices.stream().map(ElectionNames.NewChoice::party).toArray(String[]::new))
			.param("incumbents", choices.stream().map(ElectionNames.NewChoice::incumbent).toArray(Boolean[]::new))
			.param("writeIns", choices.stream().map(ElectionNames.NewChoice::writeIn).toArray(Boolean[]::new))
			.param("orders", choices.stream().map(ElectionNames.NewChoice::firstRow).toArray(Long[]::new))
			.param("writtenNames", choices.stream().map(ElectionNames.NewChoice::writtenName).toArray(String[]::new))
			.update();
		List<ElectionNames.NewUnit> units = created.units();
		this.jdbc.sql("""
				insert into reporting_unit (id, election_id, code, name, level, parent_id)
				select id, :election, code, name, level, parent_id
				from unnest(:ids, :codes, :names, :levels, :parents) as n(id, code, name, level, parent_id)
				""")
			.param("election", electionId)
			.param("ids", units.stream().map(ElectionNames.NewUnit::id).toArray(Long[]::new))
			.param("codes", units.stream().map(ElectionNames.NewUnit::code).toArray(String[]::new))
			.param("names", units.stream().map(ElectionNames.NewUnit::name).toArray(String[]::new))
			.param("levels", units.stream().map(ElectionNames.NewUnit::level).toArray(String[]::new))
			.param("parents", units.stream().map(ElectionNames.NewUnit::parentId).toArray(Long[]::new))
			.update();
	}

}

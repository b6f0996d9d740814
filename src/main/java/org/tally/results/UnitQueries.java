package org.tally.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.tally.results.ResultsQueries.BY_TYPE;
import static org.tally.results.ResultsQueries.COUNTY_FIGURES;
import static org.tally.results.ResultsQueries.RULED;
import static org.tally.results.ResultsQueries.TYPE_COLUMNS;
import static org.tally.results.ResultsQueries.certified;
import static org.tally.results.ResultsQueries.longOrNull;
import static org.tally.results.ResultsQueries.typeColumns;

/**
 * Reads a contest's counts per county (after the totals rule of
 * {@link ResultsQueries#RULED}) or per precinct, with each county's stated figures
 * ({@link ResultsQueries#COUNTY_FIGURES}); behind {@link ResultsQueries#reportingUnits}.
 */
final class UnitQueries {

	/** Per county of one contest, by {@link ResultsQueries#COUNTY_FIGURES}. */
	private static final String UNIT_FIGURES = "with " + COUNTY_FIGURES + """
			select county_id, expected_votes, ballots_cast, registered_voters from county_figures
			""";

	/**
	 * Per county and choice after the totals rule; see {@link ResultsQueries#RULED} for
	 * the parameters.
	 */
	private static final String COUNTY_VOTES = "with " + RULED
			+ """
					select u.id as unit_id, u.code, u.name, u.level, p.code as parent, t.choice_id, coalesce(t.votes, 0) as votes,
					       """
			+ typeColumns("t") + """
					from (select county_id, choice_id, """ + BY_TYPE + """
					      from ruled where in_units group by county_id, choice_id) t
					join reporting_unit u on u.id = t.county_id
					left join reporting_unit p on p.id = u.parent_id
					order by u.name, u.code
					""";

	private static final String PRECINCT_VOTES = """
			select u.id as unit_id, u.code, u.name, u.level, p.code as parent, vc.choice_id,
			       coalesce(vc.votes, 0) as votes, """ + typeColumns("vc") + """
			from (select unit_id, choice_id, """ + BY_TYPE + """
			      from vote_count where contest_id = :contest group by unit_id, choice_id) vc
			join reporting_unit u on u.id = vc.unit_id
			left join reporting_unit p on p.id = u.parent_id
			where u.level = %s
			order by p.name, u.name, u.code
			""".formatted(UnitLevel.PRECINCT.sql());

	private final JdbcClient jdbc;

	UnitQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The contest's counts per county ({@code level = "county"}, after the totals rule)
	 * or per precinct, with each unit's candidates in the order of {@code contest}.
	 */
	List<UnitResult> reportingUnits(long electionId, ContestResult contest, UnitLevel level) {
		Map<Long, Integer> position = new HashMap<>();
		for (int i = 0; i < contest.candidates().size(); i++) {
			position.put(contest.candidates().get(i).id(), i);
		}
		Map<Long, UnitRow> units = new java.util.LinkedHashMap<>();
		JdbcClient.StatementSpec query = (level == UnitLevel.PRECINCT)
				? this.jdbc.sql(PRECINCT_VOTES).param("contest", contest.id())
				: new SelectedContests(electionId, false, List.of(contest.id())).bind(this.jdbc.sql(COUNTY_VOTES));
		query.query((RowCallbackHandler) (rs) -> {
			UnitRow unit = units.computeIfAbsent(rs.getLong("unit_id"),
					(id) -> new UnitRow(rs, new long[contest.candidates().size()], VoteTypes.none()));
			Integer at = position.get(rs.getLong("choice_id"));
			if (at != null) {
				unit.votes()[at] = rs.getLong("votes");
				for (int t = 0; t < TYPE_COLUMNS.size(); t++) {
					Long votes = longOrNull(rs, TYPE_COLUMNS.get(t));
					if (votes != null) {
						if (unit.typeVotes()[t] == null) {
							unit.typeVotes()[t] = new long[contest.candidates().size()];
						}
						unit.typeVotes()[t][at] = votes;
					}
				}
			}
		});
		Map<Long, UnitResult.UnitFigures> figures = new HashMap<>();
		if (level != UnitLevel.PRECINCT) {
			boolean certified = certified(this.jdbc, electionId);
			new SelectedContests(electionId, false, List.of(contest.id())).bind(this.jdbc.sql(UNIT_FIGURES))
				.query((RowCallbackHandler) (rs) -> figures.put(rs.getLong("county_id"),
						new UnitResult.UnitFigures(longOrNull(rs, "expected_votes"), longOrNull(rs, "ballots_cast"),
								longOrNull(rs, "registered_voters"), certified)));
		}
		// held compactly: the read model keeps this for every contest (docs/import.md,
		// issue 27)
		CompactUnits.Builder results = new CompactUnits.Builder(contest.candidates());
		units.forEach((id, unit) -> results.add(unit.code(), unit.name(), unit.level(), unit.parent(), unit.votes(),
				unit.typeVotes(), figures.get(id)));
		return results.build();
	}

	private record UnitRow(String code, String name, String level, String parent, long[] votes, long[][] typeVotes) {

		UnitRow(ResultSet rs, long[] votes, long[][] typeVotes) {
			this(string(rs, "code"), string(rs, "name"), string(rs, "level"), string(rs, "parent"), votes, typeVotes);
		}

		private static String string(ResultSet rs, String column) {
			try {
				return rs.getString(column);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}

package org.tally.results.projection;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tally.kernel.AuditLog;
import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.InvalidRequestException;
import org.tally.results.Revisions;
import org.tally.results.UnitLevel;
import org.tally.results.UnitResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which of a contest's units are complete for its estimate (docs/projection.md): those
 * whose file says so (all precincts reporting, or the expected vote reached) and those
 * staff marked complete. Marking is a {@code setup} revision (the estimate, made once per
 * revision, is made again) and is audited.
 */
@Service
public class UnitCompletions {

	private final JdbcClient jdbc;

	private final Revisions revisions;

	private final AuditLog audit;

	UnitCompletions(JdbcClient jdbc, Revisions revisions, AuditLog audit) {
		this.jdbc = jdbc;
		this.revisions = revisions;
		this.audit = audit;
	}

	/**
	 * Marks a county-level unit of the contest complete (or no longer), a revision.
	 * @param unit the unit's code
	 */
	@Transactional
	public UnitCompleteAnswer mark(String election, String contest, String unit, boolean complete, String who) {
		long electionId = this.revisions.lockElection(election);
		long contestId = this.jdbc.sql("select id from contest where election_id = ? and slug = ?")
			.params(electionId, contest)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ContestNotFoundException.forSlug(election, contest));
		Long unitId = this.jdbc.sql("select id from reporting_unit where election_id = ? and code = ? and level <> ?")
			.params(electionId, unit, UnitLevel.PRECINCT.code())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> InvalidRequestException.of("unit",
					"'" + unit + "' is not a county-level unit of " + election));
		boolean before = this.jdbc.sql("select count(*) from unit_complete where contest_id = ? and unit_id = ?")
			.params(contestId, unitId)
			.query(Integer.class)
			.single() > 0;
		long revision = this.revisions.next(electionId, "setup", who,
				(complete ? "unit marked complete: " : "unit no longer marked complete: ") + contest + "/" + unit, null,
				Instant.now(), List.of(contestId));
		if (complete && !before) {
			this.jdbc.sql("insert into unit_complete (contest_id, unit_id, marked_by) values (?, ?, ?)")
				.params(contestId, unitId, who)
				.update();
		}
		else if (!complete && before) {
			this.jdbc.sql("delete from unit_complete where contest_id = ? and unit_id = ?")
				.params(contestId, unitId)
				.update();
		}
		this.audit.record(who, "unit-complete", "contest " + election + "/" + contest + " unit " + unit,
				Map.of("complete", before), Map.of("complete", complete), null);
		return new UnitCompleteAnswer(election, contest, unit, complete, revision);
	}

	/** The codes of the units staff marked complete for the contest, and who did. */
	public Map<String, String> marked(long contestId) {
		Map<String, String> marked = new HashMap<>();
		this.jdbc.sql("""
				select u.code, m.marked_by from unit_complete m join reporting_unit u on u.id = m.unit_id
				where m.contest_id = ?
				""").param(contestId).query((rs) -> {
			marked.put(rs.getString("code"), rs.getString("marked_by"));
		});
		return marked;
	}

	/**
	 * The codes of the contest's units its files say are complete: all precincts
	 * reporting, or the expected vote reached.
	 */
	public Set<String> byFile(long contestId, List<UnitResult> units) {
		Set<String> complete = new HashSet<>(this.jdbc.sql("""
				select u.code from progress p join reporting_unit u on u.id = p.unit_id
				where p.contest_id = ? and u.level <> ?
				  and p.precincts_total > 0 and p.precincts_reporting >= p.precincts_total
				""").params(contestId, UnitLevel.PRECINCT.code()).query(String.class).list());
		for (UnitResult unit : units) {
			if (unit.expectedVotes() != null && unit.votesRemaining() != null && unit.votesRemaining() == 0
					&& unit.totalVotes() > 0) {
				complete.add(unit.code());
			}
		}
		return complete;
	}

	/** The codes of the contest's complete units: by its files or marked by staff. */
	public Set<String> complete(long contestId, List<UnitResult> units) {
		Set<String> complete = byFile(contestId, units);
		complete.addAll(marked(contestId).keySet());
		return complete;
	}

}

package org.tally.results.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tally.kernel.AuditLog;
import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.InvalidRequestException;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.results.Revisions;
import org.tally.results.UnitLevel;
import org.tally.results.UnitResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links contests to their baselines (docs/projection.md): choices by name or party, and
 * the answer lists the units that did not match.
 */
@Service
public class Baselines {

	private final JdbcClient jdbc;

	private final Revisions revisions;

	private final AuditLog audit;

	private final ResultsService results;

	Baselines(JdbcClient jdbc, Revisions revisions, AuditLog audit, ResultsService results) {
		this.jdbc = jdbc;
		this.revisions = revisions;
		this.audit = audit;
		this.results = results;
	}

	/** Links the contest to its baseline (replacing an earlier link), a revision. */
	@Transactional
	public BaselineAnswer link(String election, String contest, BaselineRequest request, String who) {
		long electionId = this.revisions.lockElection(election);
		long contestId = contestId(election, contest);
		long baselineId = contestId(request.election(), request.contest());
		if (baselineId == contestId) {
			throw InvalidRequestException.of("contest", "a contest cannot be its own baseline");
		}
		List<Choice> choices = choices(contestId);
		List<Choice> baselineChoices = choices(baselineId);
		for (String name : request.choices().keySet()) {
			if (choices.stream().noneMatch((choice) -> choice.name().equals(name))) {
				throw InvalidRequestException.of("choices." + name, "not a choice of " + contest);
			}
		}
		Map<Choice, List<Choice>> links = new LinkedHashMap<>();
		for (Choice choice : choices) {
			String wanted = request.choices().get(choice.name());
			List<Choice> found = baselineChoicesFor((wanted != null) ? wanted : choice.party(), baselineChoices);
			if (wanted != null && found.isEmpty()) {
				throw InvalidRequestException.of("choices." + choice.name(), "'" + wanted
						+ "' is neither a choice nor a party of " + request.election() + "/" + request.contest());
			}
			links.put(choice, found);
		}
		long revision = this.revisions.next(electionId, "setup", who, "baseline of " + contest, null, Instant.now(),
				List.of(contestId));
		store(contestId, baselineId, links, who);
		BaselineAnswer answer = answer(electionId, election, contest, request, links, revision);
		this.audit.record(who, "baseline", "contest " + election + "/" + contest, null,
				Map.of("election", request.election(), "contest", request.contest()),
				answer.unitsMatched() + " units matched");
		return answer;
	}

	/** The contest's baseline, if it has one. */
	public Optional<BaselineLink> find(long contestId) {
		Map<String, List<String>> choices = new LinkedHashMap<>();
		List<String[]> refs = new ArrayList<>();
		this.jdbc.sql("""
				select be.slug as election, bc.slug as contest, ch.name as choice, bch.name as baseline_choice
				from contest_baseline b
				join contest bc on bc.id = b.baseline_contest_id
				join election be on be.id = bc.election_id
				left join contest_baseline_choice l on l.contest_id = b.contest_id
				left join choice ch on ch.id = l.choice_id
				left join choice bch on bch.id = l.baseline_choice_id
				where b.contest_id = ?
				order by ch.ballot_order, ch.id, bch.ballot_order, bch.id
				""").param(contestId).query((rs, row) -> {
			refs.add(new String[] { rs.getString("election"), rs.getString("contest") });
			if (rs.getString("choice") != null) {
				choices.computeIfAbsent(rs.getString("choice"), (key) -> new ArrayList<>())
					.add(rs.getString("baseline_choice"));
			}
			return row;
		}).list();
		return refs.isEmpty() ? Optional.empty()
				: Optional.of(new BaselineLink(refs.get(0)[0], refs.get(0)[1], choices));
	}

	/** The county-level units of a contest as matching sees them. */
	public static List<UnitMatch.Unit> units(List<UnitResult> units) {
		return units.stream().map((unit) -> new UnitMatch.Unit(unit.code(), unit.name(), unit.level())).toList();
	}

	private BaselineAnswer answer(long electionId, String election, String contest, BaselineRequest request,
			Map<Choice, List<Choice>> links, long revision) {
		ElectionResults baseline = this.results.results(this.results.current(request.election()));
		ContestResult baselineContest = this.results.contest(baseline, request.contest());
		List<UnitMatch.Unit> baselineUnits = units(
				this.results.reportingUnits(baseline, baselineContest, UnitLevel.COUNTY));
		List<UnitMatch.Unit> electionUnits = this.jdbc
			.sql("select code, name, level from reporting_unit where election_id = ? and level <> ? order by name")
			.params(electionId, UnitLevel.PRECINCT.code())
			.query((rs, row) -> new UnitMatch.Unit(rs.getString("code"), rs.getString("name"), rs.getString("level")))
			.list();
		List<String> counted = this.jdbc.sql("""
				select distinct county.code from vote_count v
				join reporting_unit u on u.id = v.unit_id join reporting_unit county on county.id = u.sum_county_id
				where v.contest_id = (select c.id from contest c join election e on e.id = c.election_id
				                      where e.slug = ? and c.slug = ?)
				""").params(election, contest).query(String.class).list();
		UnitMatch match = UnitMatch.of(baselineUnits, electionUnits);
		List<String> unmatchedUnits = match.unmatchedCurrent()
			.stream()
			.filter((unit) -> counted.contains(unit.code()))
			.map(UnitMatch.Unit::name)
			.toList();
		return new BaselineAnswer(election, contest, new BaselineAnswer.Ref(request.election(), request.contest()),
				links.entrySet()
					.stream()
					.map((link) -> new BaselineAnswer.ChoiceLink(link.getKey().name(),
							link.getValue().stream().map(Choice::name).toList()))
					.toList(),
				match.pairs().size(), match.unmatchedBaseline().stream().map(UnitMatch.Unit::name).toList(),
				unmatchedUnits, revision);
	}

	private void store(long contestId, long baselineId, Map<Choice, List<Choice>> links, String who) {
		this.jdbc.sql("delete from contest_baseline where contest_id = ?").param(contestId).update();
		this.jdbc.sql("insert into contest_baseline (contest_id, baseline_contest_id, set_by) values (?, ?, ?)")
			.params(contestId, baselineId, who)
			.update();
		links.forEach((choice, found) -> found.forEach((baseline) -> this.jdbc
			.sql("insert into contest_baseline_choice (contest_id, choice_id, baseline_choice_id) values (?, ?, ?)")
			.params(contestId, choice.id(), baseline.id())
			.update()));
	}

	/**
	 * The baseline choice of that name, else every baseline choice of that party (case
	 * and spacing aside); none for a null target.
	 */
	private static List<Choice> baselineChoicesFor(String target, List<Choice> baseline) {
		if (target == null || target.isBlank()) {
			return List.of();
		}
		for (Choice choice : baseline) {
			if (choice.name().equals(target)) {
				return List.of(choice);
			}
		}
		String party = target.strip().toLowerCase(Locale.ROOT);
		return baseline.stream()
			.filter((choice) -> choice.party() != null && choice.party().strip().toLowerCase(Locale.ROOT).equals(party))
			.toList();
	}

	private long contestId(String election, String contest) {
		return this.jdbc.sql("""
				select c.id from contest c join election e on e.id = c.election_id where e.slug = ? and c.slug = ?
				""")
			.params(election, contest)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ContestNotFoundException.forSlug(election, contest));
	}

	private List<Choice> choices(long contestId) {
		return this.jdbc.sql("select id, name, party from choice where contest_id = ? order by ballot_order, id")
			.param(contestId)
			.query((rs, row) -> new Choice(rs.getLong("id"), rs.getString("name"), rs.getString("party")))
			.list();
	}

	private record Choice(long id, String name, String party) {
	}

}

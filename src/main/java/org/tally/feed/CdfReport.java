package org.tally.feed;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.tally.kernel.NistWriter;
import org.tally.kernel.Slugs;
import org.tally.results.CandidateResult;
import org.tally.results.ContestKind;
import org.tally.results.ContestResult;
import org.tally.results.ContestRounds;
import org.tally.results.ElectionResults;
import org.tally.results.ElectionState;
import org.tally.results.ElectionStatus;
import org.tally.results.ResultsQueries;
import org.tally.results.ResultsService;
import org.tally.results.Rule;
import org.tally.results.UnitLevel;
import org.tally.results.UnitResult;
import org.tally.results.VoteType;
import org.tally.results.VoteTypeResult;
import org.tally.system.HttpCaching;

import org.springframework.stereotype.Component;

/**
 * The election as a NIST SP 1500-100 v2 {@code ElectionReport} (the common data format
 * for election results), in its JSON form ({@code cdf.json}) and its XML form
 * ({@code cdf.xml}), both written by one walk over the read model ({@link #write}) in the
 * order of NIST's XSD:
 * <ul>
 * <li>each choice's {@code total} for the jurisdiction, per county and per precinct (the
 * read model's totals), and its counts by vote type ({@code CountItemType} election-day,
 * absentee-mail, early, provisional) at the same units: a precinct's as stored, a
 * county's by the totals rule, the jurisdiction's the contest's; only the types a unit
 * has;</li>
 * <li>a ranked-choice contest's rounds from its latest RCTab report at the revision: a
 * {@code VoteCounts} of type total at the jurisdiction with its {@code Round} per round a
 * choice is in;</li>
 * <li>{@code BallotCounts} per unit where a file stated ballots cast or outstanding (the
 * largest figure any contest states for the unit: a contest covering part of it states
 * fewer);</li>
 * <li>{@code CountStatus} per vote type of the election, of each contest and of every
 * unit, where known ({@link #countStatus});</li>
 * <li>{@code OtherCounts} at the jurisdiction: the contest's over- and undervotes as its
 * files stated them ({@code other_count}, docs/data-model.md), else a ranked-choice
 * contest's ballots made inactive by an overvote (RCTab's figure, in its final round);
 * blank ballots have no place in NIST's {@code OtherCounts} and are left out;</li>
 * <li>{@code Status}: unofficial-partial while counting, unofficial-complete, certified,
 * then correction once a correction follows the certification.</li>
 * </ul>
 * Precinct {@code GpUnit}s are composed by their county, counties by the jurisdiction
 * ({@code ComposingGpUnitIds}). Written as a stream, contest by contest (each contest's
 * counties kept, its precincts read when it is written), never as a tree of the whole
 * report.
 */
@Component
class CdfReport {

	/** The XML form's namespace (NIST's XSD). */
	static final String NAMESPACE = "http://itl.nist.gov/ns/voting/1500-100/v2";

	private static final String JURISDICTION = "gpu-jurisdiction";

	/** The NIST {@code CountItemType} of every vote together. */
	private static final String TOTAL = VoteType.TOTAL.nistName();

	private final JsonMapper json;

	private final ResultsQueries queries;

	private final ResultsService results;

	CdfReport(JsonMapper json, ResultsQueries queries, ResultsService results) {
		this.json = json;
		this.queries = queries;
		this.results = results;
	}

	/**
	 * The JSON form; to be called in the results' snapshot, as the exports are, so that
	 * the units' totals (read here, not kept with the results) and the counts by vote
	 * type are those of the results' revision.
	 */
	byte[] report(ElectionResults found) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (NistWriter out = NistWriter.json(this.json, bytes, "ElectionResults")) {
			write(found, out);
		}
		return bytes.toByteArray();
	}

	/** The XML form, as {@link #report} (the same walk). */
	byte[] xml(ElectionResults found) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (NistWriter out = NistWriter.xml(bytes, NAMESPACE)) {
			write(found, out);
		}
		return bytes.toByteArray();
	}

	/** A unit named in the report: a county, or a precinct with the county it lies in. */
	private record Unit(String code, String name, String level, String parent, Set<String> composing) {
	}

	/** A contest with its counties (after the totals rule), read before writing. */
	private record Counted(ContestResult contest, List<UnitResult> counties) {
	}

	/**
	 * Ballots cast and outstanding a file stated for a unit, the largest of any contest.
	 */
	private static final class Ballots {

		Long cast;

		Long outstanding;

		void add(Long cast, Long outstanding) {
			this.cast = max(this.cast, cast);
			this.outstanding = max(this.outstanding, outstanding);
		}

		private static Long max(Long a, Long b) {
			return (a == null) ? b : (b == null) ? a : Long.valueOf(Math.max(a, b));
		}

	}

	/** The report, written in the order of NIST's XSD (which JSON ignores). */
	void write(ElectionResults found, NistWriter out) {
		ElectionState election = found.election();
		String itemStatus = CdfCodes.itemStatus(election.status());
		List<Counted> counted = new ArrayList<>(found.contests().size());
		Map<String, Unit> units = new LinkedHashMap<>();
		Map<String, Ballots> ballots = new LinkedHashMap<>();
		Set<String> electionTypes = new LinkedHashSet<>();
		electionTypes.add(TOTAL);
		for (ContestResult contest : found.contests()) {
			List<UnitResult> counties = this.queries.reportingUnits(election.id(), contest, UnitLevel.COUNTY);
			counted.add(new Counted(contest, counties));
			ballots.computeIfAbsent(JURISDICTION, (id) -> new Ballots())
				.add(contest.turnout().ballotsCast(), contest.ballotsOutstanding());
			for (UnitResult county : counties) {
				units.putIfAbsent(county.code(),
						new Unit(county.code(), county.name(), county.level(), null, new LinkedHashSet<>()));
				ballots.computeIfAbsent(unitId(county.code()), (id) -> new Ballots())
					.add(county.turnout().ballotsCast(), null);
			}
			contest.voteTypes().forEach((column) -> electionTypes.add(countItemType(column)));
		}
		Map<String, String> parties = new LinkedHashMap<>();
		out.startDocument("ElectionReport");
		out.startList("Election");
		out.startItem("Election");
		out.startList("BallotCounts");
		ballots.forEach((unit, figures) -> {
			if (figures.cast != null || figures.outstanding != null) {
				out.startItem("BallotCounts");
				out.string("GpUnitId", unit);
				out.string("Type", TOTAL);
				if (figures.cast != null) {
					out.number("BallotsCast", figures.cast);
				}
				if (figures.outstanding != null) {
					out.number("BallotsOutstanding", figures.outstanding);
				}
				out.endObject();
			}
		});
		out.endList();
		out.startList("Candidate");
		for (ContestResult contest : found.contests()) {
			if (!ContestKind.measure(contest.kind())) {
				for (CandidateResult candidate : contest.candidates()) {
					candidate(out, choiceId(contest, candidate), candidate, parties);
				}
			}
		}
		out.endList();
		out.startList("Contest");
		for (Counted contest : counted) {
			contest(out, found, contest, units, itemStatus);
		}
		out.endList();
		countStatus(out, electionTypes, itemStatus);
		out.string("ElectionScopeId", JURISDICTION);
		out.text("Name", election.name());
		out.string("StartDate", election.date().toString());
		out.string("EndDate", election.date().toString());
		out.string("Type", CdfCodes.type(election.kind()));
		out.endObject();
		out.endList();
		out.string("Format", "summary-contest");
		Instant generated = (election.lastUpdated() != null) ? election.lastUpdated()
				: election.date().atStartOfDay().toInstant(ZoneOffset.UTC);
		out.string("GeneratedDate", generated.truncatedTo(ChronoUnit.SECONDS).toString());
		gpUnits(out, election, units, itemStatus);
		out.string("Issuer", election.jurisdiction());
		out.string("IssuerAbbreviation", Slugs.of(election.jurisdiction()));
		out.bool("IsTest", election.test());
		out.startList("Party");
		for (Map.Entry<String, String> party : parties.entrySet()) {
			out.startItem("Party");
			out.id(party.getValue());
			out.text("Abbreviation", party.getKey());
			out.text("Name", party.getKey());
			out.endObject();
		}
		out.endList();
		// one report, not a sequence of partial ones
		out.number("SequenceStart", 1);
		out.number("SequenceEnd", 1);
		out.string("Status", CdfCodes.status(election.status(), ElectionStatus.certified(election.status())
				&& this.queries.correctedSinceCertified(election.id(), found.revision())));
		if (election.test()) {
			out.string("TestType", "rehearsal");
		}
		out.string("VendorApplicationId", "Tally");
		out.endObject();
	}

	private void contest(NistWriter out, ElectionResults found, Counted counted, Map<String, Unit> units,
			String itemStatus) {
		ContestResult contest = counted.contest();
		List<UnitResult> counties = counted.counties();
		List<UnitResult> precincts = this.queries.reportingUnits(found.election().id(), contest, UnitLevel.PRECINCT);
		for (UnitResult precinct : precincts) {
			units.putIfAbsent(precinct.code(),
					new Unit(precinct.code(), precinct.name(), precinct.level(), precinct.parent(), Set.of()));
			if (precinct.parent() != null) {
				Unit county = units.get(precinct.parent());
				if (county != null) {
					county.composing().add(precinct.code());
				}
			}
		}
		ContestRounds rounds = (contest.rule() == Rule.RANKED_CHOICE) ? this.results.rounds(found, contest, null)
				: null;
		boolean measure = ContestKind.measure(contest.kind());
		out.startItem(measure ? "BallotMeasureContest" : "CandidateContest");
		out.id("contest-" + contest.slug());
		out.startList("ContestSelection");
		List<CandidateResult> candidates = contest.candidates();
		for (int at = 0; at < candidates.size(); at++) {
			CandidateResult candidate = candidates.get(at);
			out.startItem(measure ? "BallotMeasureSelection" : "CandidateSelection");
			out.id("selection-" + choiceId(contest, candidate));
			out.number("SequenceOrder", candidate.ballotOrder());
			out.startList("VoteCounts");
			count(out, JURISDICTION, TOTAL, null, candidate.votes());
			typedCounts(out, JURISDICTION, contest.voteTypes(), at);
			for (UnitResult county : counties) {
				count(out, unitId(county.code()), TOTAL, null, county.candidates().get(at).votes());
				typedCounts(out, unitId(county.code()), county.voteTypes(), at);
			}
			for (UnitResult precinct : precincts) {
				count(out, unitId(precinct.code()), TOTAL, null, precinct.candidates().get(at).votes());
				typedCounts(out, unitId(precinct.code()), precinct.voteTypes(), at);
			}
			if (rounds != null) {
				for (ContestRounds.Round round : rounds.rounds()) {
					for (ContestRounds.Tally tally : round.choices()) {
						if (tally.name().equals(candidate.name())) {
							count(out, JURISDICTION, TOTAL, round.number(), tally.votes());
						}
					}
				}
			}
			out.endList();
			if (measure) {
				out.text("Selection", candidate.name());
			}
			else {
				out.ids("CandidateIds", List.of("candidate-" + choiceId(contest, candidate)));
				out.bool("IsWriteIn", candidate.writeIn());
			}
			out.endObject();
		}
		out.endList();
		Set<String> types = new LinkedHashSet<>();
		types.add(TOTAL);
		contest.voteTypes().forEach((column) -> types.add(countItemType(column)));
		countStatus(out, types, CdfCodes.contestStatus(contest, itemStatus));
		out.string("ElectionDistrictId", JURISDICTION);
		out.string("Name", contest.name());
		otherCounts(out, contest, rounds);
		if (contest.progress().precinctsReporting() != null) {
			out.number("SubUnitsReported", contest.progress().precinctsReporting());
		}
		if (contest.progress().precinctsTotal() != null) {
			out.number("TotalSubUnits", contest.progress().precinctsTotal());
		}
		if (!measure) {
			out.number("NumberElected", contest.seats());
			out.number("VotesAllowed", contest.seats());
		}
		out.endObject();
	}

	/**
	 * A contest's {@code OtherCounts}: the over- and undervotes Tally stores. Today that
	 * is a ranked-choice contest's ballots made inactive by an overvote as its RCTab
	 * report states them (at the jurisdiction, after the final round); the counts of
	 * other contests keep no over- or undervotes yet, and their {@code OtherCounts} go
	 * here when they do.
	 */
	private static void otherCounts(NistWriter out, ContestResult contest, ContestRounds rounds) {
		Map<String, Long> stored = contest.notes().otherCounts();
		BigDecimal overvotes = stored.containsKey("overvotes") ? BigDecimal.valueOf(stored.get("overvotes"))
				: finalRoundOvervotes(rounds);
		Long undervotes = stored.get("undervotes");
		out.startList("OtherCounts");
		if (overvotes != null || undervotes != null) {
			out.startItem("OtherCounts");
			out.string("GpUnitId", JURISDICTION);
			if (overvotes != null) {
				out.number("Overvotes", overvotes);
			}
			if (undervotes != null) {
				out.number("Undervotes", undervotes);
			}
			out.endObject();
		}
		out.endList();
	}

	/** RCTab's ballots inactive by overvote after the final round, or {@code null}. */
	private static BigDecimal finalRoundOvervotes(ContestRounds rounds) {
		if (rounds == null || rounds.rounds().isEmpty()) {
			return null;
		}
		return rounds.rounds().get(rounds.rounds().size() - 1).inactive().get("overvotes");
	}

	/** One {@code CountStatus} per {@code CountItemType}, all with one status. */
	private static void countStatus(NistWriter out, Set<String> types, String status) {
		out.startList("CountStatus");
		if (status != null) {
			for (String type : types) {
				out.startItem("CountStatus");
				out.string("Status", status);
				out.string("Type", type);
				out.endObject();
			}
		}
		out.endList();
	}

	/**
	 * A choice's votes by type in a unit as the read model has them (the totals rule
	 * applied: a county made of precincts has their sum), one {@code VoteCounts} per type
	 * the unit has.
	 * @param at the choice's index in the contest's candidates
	 */
	private static void typedCounts(NistWriter out, String unitId, List<VoteTypeResult> columns, int at) {
		for (VoteTypeResult column : columns) {
			count(out, unitId, countItemType(column), null, column.candidates().get(at).votes());
		}
	}

	/** The NIST {@code CountItemType} of a column of the split. */
	private static String countItemType(VoteTypeResult column) {
		return VoteType.find(column.type()).orElseThrow().nistName();
	}

	/**
	 * The units: the jurisdiction, then each county and precinct. A unit's
	 * {@code CountStatus} (total) is known only once the election is complete.
	 */
	private static void gpUnits(NistWriter out, ElectionState election, Map<String, Unit> units, String itemStatus) {
		Set<String> complete = "completed".equals(itemStatus) ? Set.of(TOTAL) : Set.of();
		out.startList("GpUnit");
		out.startItem("ReportingUnit");
		out.id(JURISDICTION);
		List<String> top = new ArrayList<>();
		for (Unit unit : units.values()) {
			if (unit.parent() == null || !units.containsKey(unit.parent())) {
				top.add(unitId(unit.code()));
			}
		}
		if (!top.isEmpty()) {
			out.ids("ComposingGpUnitIds", top);
		}
		out.text("Name", election.jurisdiction());
		countStatus(out, complete, itemStatus);
		out.string("Type", "other");
		out.string("OtherType", "jurisdiction");
		out.endObject();
		for (Unit unit : units.values()) {
			out.startItem("ReportingUnit");
			out.id(unitId(unit.code()));
			if (!unit.composing().isEmpty()) {
				out.ids("ComposingGpUnitIds", unit.composing().stream().map(CdfReport::unitId).toList());
			}
			out.text("Name", unit.name());
			countStatus(out, complete, itemStatus);
			out.string("Type", CdfCodes.unitType(unit.level()));
			out.endObject();
		}
		out.endList();
	}

	/**
	 * A choice's id in the report from its contest's slug and its own name, never a
	 * database id, so that a replay into a fresh database writes the same report
	 * (docs/verify.md): {@code us-house-34-jimmy-gomez}; names of one contest that slug
	 * alike get a hash of the name.
	 */
	static String choiceId(ContestResult contest, CandidateResult candidate) {
		String slug = Slugs.of(candidate.name());
		long alike = contest.candidates().stream().filter((other) -> Slugs.of(other.name()).equals(slug)).count();
		return contest.slug() + "-" + slug + ((alike > 1 || slug.isEmpty())
				? "-" + HttpCaching.hash(candidate.name().getBytes(StandardCharsets.UTF_8)).substring(0, 8) : "");
	}

	private static void candidate(NistWriter out, String id, CandidateResult candidate, Map<String, String> parties) {
		out.startItem("Candidate");
		out.id("candidate-" + id);
		out.text("BallotName", candidate.name());
		out.bool("IsIncumbent", candidate.incumbent());
		if (candidate.party() != null && !candidate.party().isBlank()) {
			out.string("PartyId", parties.computeIfAbsent(candidate.party(),
					(name) -> "party-" + (parties.size() + 1) + "-" + Slugs.of(name)));
		}
		if (candidate.winner()) {
			out.string("PostElectionStatus", "winner");
		}
		else if (candidate.advancing()) {
			out.string("PostElectionStatus", "advanced-to-runoff");
		}
		out.endObject();
	}

	private static void count(NistWriter out, String unit, String type, Integer round, long votes) {
		out.startItem("VoteCounts");
		out.string("GpUnitId", unit);
		out.string("Type", type);
		out.number("Count", votes);
		out.endObject();
	}

	/** A ranked-choice round's tally (a fraction after a surplus transfer). */
	private static void count(NistWriter out, String unit, String type, int round, BigDecimal votes) {
		out.startItem("VoteCounts");
		out.string("GpUnitId", unit);
		out.number("Round", round);
		out.string("Type", type);
		out.number("Count", votes);
		out.endObject();
	}

	/**
	 * A unit's {@code @id} ({@code ObjectId} in XML, an {@code xsd:ID}): its code, unique
	 * in the election, with every character but ASCII letters, digits, {@code .} and
	 * {@code -} written {@code _xHHHH_} (its UTF-16 code in hex, as XML names encode
	 * characters), so {@code chester/Atglen} is {@code gpu-chester_x002F_Atglen}.
	 */
	static String unitId(String code) {
		StringBuilder id = new StringBuilder(code.length() + 8).append("gpu-");
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
				id.append(c);
			}
			else {
				id.append("_x").append(String.format("%04X", (int) c)).append('_');
			}
		}
		return id.toString();
	}

}

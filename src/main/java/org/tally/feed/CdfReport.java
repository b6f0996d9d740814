package org.tally.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.system.HttpCaching;
import org.tally.results.ElectionResults;
import org.tally.results.ElectionState;
import org.tally.results.ResultsQueries;
import org.tally.results.Slugs;
import org.tally.results.UnitResult;
import org.tally.results.VoteTypeResult;

import org.springframework.stereotype.Component;

/**
 * The election as a NIST SP 1500-100 v2 {@code ElectionReport} (the common data format
 * for election results): each choice's {@code total} for the jurisdiction, per county and
 * per precinct (the read model's totals), and its counts by vote type
 * ({@code CountItemType} election-day, absentee-mail, early, provisional) at the same
 * units, from the same read model: a precinct's as stored, a county's by the totals rule
 * (its precincts' sum when it has precinct counts, else its own row), the jurisdiction's
 * the contest's; only the types a unit has. Precinct {@code GpUnit}s are composed by
 * their county, counties by the jurisdiction ({@code ComposingGpUnitIds}). Written as a
 * stream of JSON tokens, contest by contest, never as a tree of the whole report.
 */
@Component
class CdfReport {

	private static final String JURISDICTION = "gpu-jurisdiction";

	/** Tally's stored vote types (total aside) and their NIST {@code CountItemType}. */
	private static final Map<String, String> COUNT_ITEM_TYPES = Map.of("election-day", "election-day", "mail",
			"absentee-mail", "early", "early", "provisional", "provisional");

	private final JsonMapper json;

	private final ResultsQueries queries;

	CdfReport(JsonMapper json, ResultsQueries queries) {
		this.json = json;
		this.queries = queries;
	}

	/**
	 * The report; to be called in the results' snapshot, as the exports are, so that the
	 * units' totals (read here, not kept with the results) and the counts by vote type
	 * are those of the results' revision.
	 */
	byte[] report(ElectionResults found) {
		ElectionState election = found.election();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		Map<String, Unit> units = new LinkedHashMap<>();
		Map<String, String> parties = new LinkedHashMap<>();
		try (JsonGenerator out = this.json.createGenerator(bytes)) {
			out.writeStartObject();
			out.writeStringProperty("@type", "ElectionResults.ElectionReport");
			out.writeStringProperty("Format", "summary-contest");
			Instant generated = (election.lastUpdated() != null) ? election.lastUpdated()
					: election.date().atStartOfDay().toInstant(ZoneOffset.UTC);
			out.writeStringProperty("GeneratedDate", generated.truncatedTo(ChronoUnit.SECONDS).toString());
			out.writeStringProperty("Issuer", election.jurisdiction());
			out.writeStringProperty("IssuerAbbreviation", Slugs.of(election.jurisdiction()));
			out.writeNumberProperty("SequenceStart", 1);
			out.writeNumberProperty("SequenceEnd", 1);
			out.writeStringProperty("Status", status(election.status()));
			out.writeStringProperty("VendorApplicationId", "Tally");
			out.writeBooleanProperty("IsTest", election.test());
			if (election.test()) {
				out.writeStringProperty("TestType", "rehearsal");
			}
			out.writeArrayPropertyStart("Election");
			out.writeStartObject();
			out.writeStringProperty("@type", "ElectionResults.Election");
			out.writeStringProperty("ElectionScopeId", JURISDICTION);
			out.writeStringProperty("StartDate", election.date().toString());
			out.writeStringProperty("EndDate", election.date().toString());
			out.writeName("Name");
			text(out, election.name());
			out.writeStringProperty("Type", type(election.kind()));
			out.writeArrayPropertyStart("Contest");
			for (ContestResult contest : found.contests()) {
				contest(out, found, contest, units);
			}
			out.writeEndArray();
			out.writeArrayPropertyStart("Candidate");
			for (ContestResult contest : found.contests()) {
				if (!"measure".equals(contest.kind())) {
					for (CandidateResult candidate : contest.candidates()) {
						candidate(out, choiceId(contest, candidate), candidate, parties);
					}
				}
			}
			out.writeEndArray();
			out.writeEndObject();
			out.writeEndArray();
			gpUnits(out, election, units);
			out.writeArrayPropertyStart("Party");
			for (Map.Entry<String, String> party : parties.entrySet()) {
				out.writeStartObject();
				out.writeStringProperty("@id", party.getValue());
				out.writeStringProperty("@type", "ElectionResults.Party");
				out.writeName("Name");
				text(out, party.getKey());
				out.writeName("Abbreviation");
				text(out, party.getKey());
				out.writeEndObject();
			}
			out.writeEndArray();
			out.writeEndObject();
		}
		return bytes.toByteArray();
	}

	/** A unit named in the report: a county, or a precinct with the county it lies in. */
	private record Unit(String code, String name, String level, String parent, Set<String> composing) {
	}

	private void contest(JsonGenerator out, ElectionResults found, ContestResult contest, Map<String, Unit> units) {
		long election = found.election().id();
		List<UnitResult> counties = this.queries.reportingUnits(election, contest, "county");
		List<UnitResult> precincts = this.queries.reportingUnits(election, contest, "precinct");
		for (UnitResult county : counties) {
			units.putIfAbsent(county.code(),
					new Unit(county.code(), county.name(), county.level(), null, new LinkedHashSet<>()));
		}
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
		boolean measure = "measure".equals(contest.kind());
		out.writeStartObject();
		out.writeStringProperty("@id", "contest-" + contest.slug());
		out.writeStringProperty("@type",
				measure ? "ElectionResults.BallotMeasureContest" : "ElectionResults.CandidateContest");
		out.writeStringProperty("ElectionDistrictId", JURISDICTION);
		out.writeStringProperty("Name", contest.name());
		if (!measure) {
			out.writeNumberProperty("VotesAllowed", contest.seats());
			out.writeNumberProperty("NumberElected", contest.seats());
		}
		if (contest.progress().precinctsReporting() != null) {
			out.writeNumberProperty("SubUnitsReported", contest.progress().precinctsReporting());
		}
		if (contest.progress().precinctsTotal() != null) {
			out.writeNumberProperty("TotalSubUnits", contest.progress().precinctsTotal());
		}
		out.writeArrayPropertyStart("ContestSelection");
		List<CandidateResult> candidates = contest.candidates();
		for (int at = 0; at < candidates.size(); at++) {
			CandidateResult candidate = candidates.get(at);
			out.writeStartObject();
			out.writeStringProperty("@id", "selection-" + choiceId(contest, candidate));
			out.writeNumberProperty("SequenceOrder", candidate.ballotOrder());
			if (measure) {
				out.writeStringProperty("@type", "ElectionResults.BallotMeasureSelection");
				out.writeName("Selection");
				text(out, candidate.name());
			}
			else {
				out.writeStringProperty("@type", "ElectionResults.CandidateSelection");
				out.writeArrayPropertyStart("CandidateIds");
				out.writeString("candidate-" + choiceId(contest, candidate));
				out.writeEndArray();
				out.writeBooleanProperty("IsWriteIn", candidate.writeIn());
			}
			out.writeArrayPropertyStart("VoteCounts");
			count(out, JURISDICTION, "total", candidate.votes());
			typedCounts(out, JURISDICTION, contest.voteTypes(), at);
			for (UnitResult county : counties) {
				count(out, unitId(county.code()), "total", county.candidates().get(at).votes());
				typedCounts(out, unitId(county.code()), county.voteTypes(), at);
			}
			for (UnitResult precinct : precincts) {
				count(out, unitId(precinct.code()), "total", precinct.candidates().get(at).votes());
				typedCounts(out, unitId(precinct.code()), precinct.voteTypes(), at);
			}
			out.writeEndArray();
			out.writeEndObject();
		}
		out.writeEndArray();
		out.writeEndObject();
	}

	/**
	 * A choice's votes by type in a unit as the read model has them (the totals rule
	 * applied: a county made of precincts has their sum), one {@code VoteCounts} per type
	 * the unit has.
	 * @param at the choice's index in the contest's candidates
	 */
	private static void typedCounts(JsonGenerator out, String unitId, List<VoteTypeResult> columns, int at) {
		for (VoteTypeResult column : columns) {
			count(out, unitId, COUNT_ITEM_TYPES.get(column.type()), column.candidates().get(at).votes());
		}
	}

	private static void gpUnits(JsonGenerator out, ElectionState election, Map<String, Unit> units) {
		out.writeArrayPropertyStart("GpUnit");
		out.writeStartObject();
		out.writeStringProperty("@id", JURISDICTION);
		out.writeStringProperty("@type", "ElectionResults.ReportingUnit");
		out.writeStringProperty("Type", "other");
		out.writeStringProperty("OtherType", "jurisdiction");
		out.writeName("Name");
		text(out, election.jurisdiction());
		out.writeArrayPropertyStart("ComposingGpUnitIds");
		for (Unit unit : units.values()) {
			if (unit.parent() == null || !units.containsKey(unit.parent())) {
				out.writeString(unitId(unit.code()));
			}
		}
		out.writeEndArray();
		out.writeEndObject();
		for (Unit unit : units.values()) {
			out.writeStartObject();
			out.writeStringProperty("@id", unitId(unit.code()));
			out.writeStringProperty("@type", "ElectionResults.ReportingUnit");
			out.writeStringProperty("Type", unitType(unit.level()));
			out.writeName("Name");
			text(out, unit.name());
			if (!unit.composing().isEmpty()) {
				out.writeArrayPropertyStart("ComposingGpUnitIds");
				for (String code : unit.composing()) {
					out.writeString(unitId(code));
				}
				out.writeEndArray();
			}
			out.writeEndObject();
		}
		out.writeEndArray();
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

	private static void candidate(JsonGenerator out, String id, CandidateResult candidate,
			Map<String, String> parties) {
		out.writeStartObject();
		out.writeStringProperty("@id", "candidate-" + id);
		out.writeStringProperty("@type", "ElectionResults.Candidate");
		out.writeName("BallotName");
		text(out, candidate.name());
		out.writeBooleanProperty("IsIncumbent", candidate.incumbent());
		if (candidate.party() != null && !candidate.party().isBlank()) {
			out.writeStringProperty("PartyId", parties.computeIfAbsent(candidate.party(),
					(name) -> "party-" + (parties.size() + 1) + "-" + Slugs.of(name)));
		}
		if (candidate.winner()) {
			out.writeStringProperty("PostElectionStatus", "winner");
		}
		else if (candidate.advancing()) {
			out.writeStringProperty("PostElectionStatus", "advanced-to-runoff");
		}
		out.writeEndObject();
	}

	private static void count(JsonGenerator out, String unit, String type, long votes) {
		out.writeStartObject();
		out.writeStringProperty("@type", "ElectionResults.VoteCounts");
		out.writeStringProperty("GpUnitId", unit);
		out.writeStringProperty("Type", type);
		out.writeNumberProperty("Count", votes);
		out.writeEndObject();
	}

	private static void text(JsonGenerator out, String content) {
		out.writeStartObject();
		out.writeStringProperty("@type", "ElectionResults.InternationalizedText");
		out.writeArrayPropertyStart("Text");
		out.writeStartObject();
		out.writeStringProperty("@type", "ElectionResults.LanguageString");
		out.writeStringProperty("Content", content);
		out.writeStringProperty("Language", "en");
		out.writeEndObject();
		out.writeEndArray();
		out.writeEndObject();
	}

	/** A unit's {@code @id}: its code, unique in the election. */
	static String unitId(String code) {
		return "gpu-" + code;
	}

	private static String unitType(String level) {
		return switch (level) {
			case "precinct" -> "precinct";
			case "state" -> "state";
			default -> "county";
		};
	}

	private static String status(String status) {
		return switch (status) {
			case "certified" -> "certified";
			case "unofficial-complete" -> "unofficial-complete";
			case "scheduled" -> "pre-election";
			default -> "unofficial-partial";
		};
	}

	private static String type(String kind) {
		return switch (kind) {
			case "general" -> "general";
			case "primary" -> "primary";
			case "runoff" -> "runoff";
			case "special-primary", "special-general" -> "special";
			default -> "other";
		};
	}

}

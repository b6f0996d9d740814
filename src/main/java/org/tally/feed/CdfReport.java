package org.tally.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.results.Slugs;
import org.tally.results.UnitResult;

import org.springframework.stereotype.Component;

/**
 * The election as a NIST SP 1500-100 v2 {@code ElectionReport} (the common data format
 * for election results): contest totals for the jurisdiction and per county.
 */
@Component
class CdfReport {

	private static final String JURISDICTION = "gpu-jurisdiction";

	private final JsonMapper json;

	private final ResultsService results;

	CdfReport(JsonMapper json, ResultsService results) {
		this.json = json;
		this.results = results;
	}

	byte[] report(ElectionResults found) {
		ElectionState election = found.election();
		ObjectNode report = this.json.createObjectNode();
		report.put("@type", "ElectionResults.ElectionReport");
		report.put("Format", "summary-contest");
		Instant generated = (election.lastUpdated() != null) ? election.lastUpdated()
				: election.date().atStartOfDay().toInstant(ZoneOffset.UTC);
		report.put("GeneratedDate", generated.truncatedTo(ChronoUnit.SECONDS).toString());
		report.put("Issuer", election.jurisdiction());
		report.put("IssuerAbbreviation", Slugs.of(election.jurisdiction()));
		report.put("SequenceStart", 1);
		report.put("SequenceEnd", 1);
		report.put("Status", status(election.status()));
		report.put("VendorApplicationId", "Tally");
		report.put("IsTest", election.test());
		if (election.test()) {
			report.put("TestType", "rehearsal");
		}
		Map<String, String> parties = new LinkedHashMap<>();
		Map<String, UnitResult> counties = new LinkedHashMap<>();
		ObjectNode cdfElection = report.putArray("Election").addObject();
		cdfElection.put("@type", "ElectionResults.Election");
		cdfElection.put("ElectionScopeId", JURISDICTION);
		cdfElection.put("StartDate", election.date().toString());
		cdfElection.put("EndDate", election.date().toString());
		cdfElection.set("Name", text(election.name()));
		cdfElection.put("Type", type(election.kind()));
		ArrayNode candidates = cdfElection.putArray("Candidate");
		ArrayNode contests = cdfElection.putArray("Contest");
		for (ContestResult contest : found.contests()) {
			List<UnitResult> units = this.results.reportingUnits(found, contest, "county");
			units.forEach((unit) -> counties.putIfAbsent(unit.code(), unit));
			contests.add(contest(contest, units, candidates, parties));
		}
		ArrayNode gpUnits = report.putArray("GpUnit");
		ObjectNode scope = gpUnits.addObject();
		scope.put("@id", JURISDICTION);
		scope.put("@type", "ElectionResults.ReportingUnit");
		scope.put("Type", "other");
		scope.put("OtherType", "jurisdiction");
		scope.set("Name", text(election.jurisdiction()));
		ArrayNode composing = scope.putArray("ComposingGpUnitIds");
		for (UnitResult county : counties.values()) {
			composing.add(unitId(county));
			ObjectNode unit = gpUnits.addObject();
			unit.put("@id", unitId(county));
			unit.put("@type", "ElectionResults.ReportingUnit");
			unit.put("Type", "county");
			unit.set("Name", text(county.name()));
		}
		ArrayNode party = report.putArray("Party");
		parties.forEach((name, id) -> {
			ObjectNode node = party.addObject();
			node.put("@id", id);
			node.put("@type", "ElectionResults.Party");
			node.set("Name", text(name));
			node.set("Abbreviation", text(name));
		});
		return this.json.writeValueAsBytes(report);
	}

	private ObjectNode contest(ContestResult contest, List<UnitResult> units, ArrayNode candidates,
			Map<String, String> parties) {
		boolean measure = "measure".equals(contest.kind());
		ObjectNode node = this.json.createObjectNode();
		node.put("@id", "contest-" + contest.slug());
		node.put("@type", measure ? "ElectionResults.BallotMeasureContest" : "ElectionResults.CandidateContest");
		node.put("ElectionDistrictId", JURISDICTION);
		node.put("Name", contest.name());
		if (!measure) {
			node.put("VotesAllowed", contest.seats());
			node.put("NumberElected", contest.seats());
		}
		if (contest.progress().precinctsReporting() != null) {
			node.put("SubUnitsReported", contest.progress().precinctsReporting());
		}
		if (contest.progress().precinctsTotal() != null) {
			node.put("TotalSubUnits", contest.progress().precinctsTotal());
		}
		ArrayNode selections = node.putArray("ContestSelection");
		int order = 0;
		for (CandidateResult candidate : contest.candidates()) {
			order++;
			ObjectNode selection = selections.addObject();
			selection.put("@id", "selection-" + candidate.id());
			selection.put("SequenceOrder", candidate.ballotOrder());
			if (measure) {
				selection.put("@type", "ElectionResults.BallotMeasureSelection");
				selection.set("Selection", text(candidate.name()));
			}
			else {
				selection.put("@type", "ElectionResults.CandidateSelection");
				selection.putArray("CandidateIds").add("candidate-" + candidate.id());
				selection.put("IsWriteIn", candidate.writeIn());
				candidates.add(candidate(candidate, parties));
			}
			ArrayNode counts = selection.putArray("VoteCounts");
			counts.add(count(JURISDICTION, candidate.votes()));
			int at = order - 1;
			for (UnitResult unit : units) {
				counts.add(count(unitId(unit), unit.candidates().get(at).votes()));
			}
		}
		return node;
	}

	private ObjectNode candidate(CandidateResult candidate, Map<String, String> parties) {
		ObjectNode node = this.json.createObjectNode();
		node.put("@id", "candidate-" + candidate.id());
		node.put("@type", "ElectionResults.Candidate");
		node.set("BallotName", text(candidate.name()));
		node.put("IsIncumbent", candidate.incumbent());
		if (candidate.party() != null && !candidate.party().isBlank()) {
			node.put("PartyId", parties.computeIfAbsent(candidate.party(),
					(name) -> "party-" + (parties.size() + 1) + "-" + Slugs.of(name)));
		}
		if (candidate.winner()) {
			node.put("PostElectionStatus", "winner");
		}
		else if (candidate.advancing()) {
			node.put("PostElectionStatus", "advanced-to-runoff");
		}
		return node;
	}

	private ObjectNode count(String unit, long votes) {
		ObjectNode node = this.json.createObjectNode();
		node.put("@type", "ElectionResults.VoteCounts");
		node.put("GpUnitId", unit);
		node.put("Type", "total");
		node.put("Count", votes);
		return node;
	}

	private ObjectNode text(String content) {
		ObjectNode node = this.json.createObjectNode();
		node.put("@type", "ElectionResults.InternationalizedText");
		ObjectNode language = node.putArray("Text").addObject();
		language.put("@type", "ElectionResults.LanguageString");
		language.put("Content", content);
		language.put("Language", "en");
		return node;
	}

	private static String unitId(UnitResult unit) {
		return "gpu-" + Slugs.of(unit.code());
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

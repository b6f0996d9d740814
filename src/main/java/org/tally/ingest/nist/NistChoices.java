package org.tally.ingest.nist;

import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;

/**
 * Names each NIST selection between the passes: a ballot measure's by its text, a
 * candidate's by its top-ticket {@code Candidate} (its {@code BallotName}, else its
 * {@code Person}'s name) and party, through the one choice-name normaliser.
 */
final class NistChoices {

	private final NistIndex index;

	private final ReaderReport report;

	NistChoices(NistIndex index, ReaderReport report) {
		this.index = index;
		this.report = report;
	}

	void choice(NistSelection selection) {
		String type = (selection.type != null) ? selection.type : "";
		if (selection.contest.measure) {
			String text = (selection.text != null) ? selection.text : null;
			if (text == null) {
				this.report.problem(new Problem(selection.line, "Selection", null,
						"a ballot measure selection without its text", selection.at));
				return;
			}
			selection.name = text.equalsIgnoreCase("yes") ? "Yes" : text.equalsIgnoreCase("no") ? "No" : text;
			return;
		}
		if (!type.equals("ElectionResults.CandidateSelection")) {
			this.report.problem(new Problem(selection.line, "@type", selection.type,
					"a candidate contest's selections should be ElectionResults.CandidateSelection", selection.at));
			return;
		}
		JsonNode top = null;
		for (String id : selection.candidateIds) {
			JsonNode candidate = this.index.candidates.get(id);
			if (candidate == null) {
				this.report.problem(new Problem(selection.line, "CandidateIds", id, "no Candidate has this @id",
						selection.at + "/CandidateIds"));
				return;
			}
			if (top == null || candidate.path("IsTopTicket").asBoolean(false)) {
				top = candidate;
			}
		}
		if (top == null) {
			if (selection.writeIn) {
				selection.name = "Write-in";
				return;
			}
			this.report.problem(new Problem(selection.line, "CandidateIds", null,
					"a candidate selection that names no candidate", selection.at));
			return;
		}
		candidate(selection, top);
	}

	private void candidate(NistSelection selection, JsonNode top) {
		String name = JsonFiles.text(top.get("BallotName"));
		JsonNode person = this.index.persons.get(JsonFiles.string(top, "PersonId"));
		if (name == null && person != null) {
			name = personName(person);
		}
		if (name == null) {
			this.report.problem(new Problem(selection.line, "BallotName", JsonFiles.string(top, "@id"),
					"a candidate without a BallotName", selection.at));
			return;
		}
		String partyId = JsonFiles.string(top, "PartyId");
		if (partyId == null && person != null) {
			partyId = JsonFiles.string(person, "PartyId");
		}
		if (partyId != null) {
			JsonNode party = this.index.parties.get(partyId);
			if (party == null) {
				this.report
					.problem(new Problem(selection.line, "PartyId", partyId, "no Party has this @id", selection.at));
				return;
			}
			String abbreviation = JsonFiles.text(party.get("Abbreviation"));
			selection.party = (abbreviation != null) ? abbreviation : JsonFiles.text(party.get("Name"));
		}
		// the one normaliser of docs/contract.md §3: "Jane Roe (REP)" names REP when no
		// PartyId does,
		// and "(I)" marks the incumbent when IsIncumbent says nothing
		ChoiceNameNormaliser.Name normalised = ChoiceNameNormaliser.normalise(name, selection.party);
		selection.written = name;
		selection.name = normalised.name();
		selection.party = normalised.party();
		selection.incumbent = top.path("IsIncumbent").isBoolean() ? Boolean.valueOf(top.path("IsIncumbent").asBoolean())
				: normalised.incumbent() ? Boolean.TRUE : null;
	}

	private static String personName(JsonNode person) {
		String full = JsonFiles.text(person.get("FullName"));
		if (full != null) {
			return full;
		}
		String first = JsonFiles.string(person, "FirstName");
		String last = JsonFiles.string(person, "LastName");
		if (first == null && last == null) {
			return null;
		}
		return ((first != null) ? first + " " : "") + ((last != null) ? last : "").strip();
	}

}

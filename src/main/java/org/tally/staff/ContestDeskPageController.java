package org.tally.staff;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tally.results.CallStatus;
import org.tally.results.ContestResult;
import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.results.ElectionResults;
import org.tally.results.UnitLevel;
import org.tally.results.UnitResult;
import org.tally.results.projection.Projections;
import org.tally.results.projection.UnitCompletions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One contest at the staff desk: the count with the "decided" hint, the call form,
 * concessions, and the contest's setup and candidates.
 */
@Controller
class ContestDeskPageController {

	private final ResultsService results;

	private final RaceDesk desk;

	private final ContestSetupService setup;

	private final StaffPages pages;

	private final Projections projections;

	private final UnitCompletions completions;

	ContestDeskPageController(ResultsService results, RaceDesk desk, ContestSetupService setup, StaffPages pages,
			Projections projections, UnitCompletions completions) {
		this.completions = completions;
		this.projections = projections;
		this.results = results;
		this.desk = desk;
		this.setup = setup;
		this.pages = pages;
	}

	@GetMapping("/staff/elections/{election}/contests/{contest}")
	String contest(@PathVariable String election, @PathVariable String contest, Model model) {
		ElectionState found = this.results.election(election);
		ContestResult result = this.results.contest(found, contest);
		model.addAttribute("election", found);
		model.addAttribute("contest", result);
		model.addAttribute("calledByName", this.desk.calledBy(result.id()));
		model.addAttribute("setup", this.setup.contest(election, contest));
		model.addAttribute("candidates", this.setup.candidates(election, contest));
		model.addAttribute("zone", ZoneId.of(found.timeZone()));
		model.addAttribute("callStatuses", CallStatus.STAFF_CHOICES.stream().map(CallStatus::code).toList());
		ElectionResults current = this.results.results(found);
		model.addAttribute("projection", this.projections.of(current, result));
		List<UnitResult> counties = this.results.reportingUnits(current, result, UnitLevel.COUNTY)
			.stream()
			.filter((unit) -> !"precinct".equals(unit.level()))
			.toList();
		Set<String> byFile = this.completions.byFile(result.id(), counties);
		Map<String, String> marked = this.completions.marked(result.id());
		model.addAttribute("completion",
				counties.stream()
					.map((unit) -> new Completion(unit.code(), unit.name(), byFile.contains(unit.code()),
							marked.get(unit.code())))
					.toList());
		return "staff/contest";
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/call")
	String call(@PathVariable String election, @PathVariable String contest, CallRequest form, Principal principal,
			RedirectAttributes flash) {
		return this.pages.submit(form, () -> {
			this.desk.call(election, contest, form, principal.getName());
			return "Call recorded: " + form.status();
		}, flash, page(election, contest));
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/retract")
	String retract(@PathVariable String election, @PathVariable String contest, Principal principal,
			RedirectAttributes flash) {
		return this.pages.submit(null, () -> {
			this.desk.retract(election, contest, principal.getName());
			return "Call retracted";
		}, flash, page(election, contest));
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/concessions")
	String concede(@PathVariable String election, @PathVariable String contest, @RequestParam String candidate,
			@RequestParam(required = false) LocalDateTime concededAt, @RequestParam(required = false) String statement,
			@RequestParam(required = false) String sourceUrl, @RequestParam(required = false) String edit,
			Principal principal, RedirectAttributes flash) {
		Instant at = (concededAt != null)
				? concededAt.atZone(ZoneId.of(this.results.election(election).timeZone())).toInstant() : null;
		String url = (sourceUrl == null || sourceUrl.isBlank()) ? null : sourceUrl.strip();
		if (edit != null) {
			ConcessionChange change = new ConcessionChange(at, statement, url);
			return this.pages.submit(change, () -> {
				this.desk.editConcession(election, contest, candidate, change, principal.getName());
				return "Concession of " + candidate + " corrected";
			}, flash, page(election, contest));
		}
		ConcessionRequest request = new ConcessionRequest(candidate, at, statement, url);
		return this.pages.submit(request, () -> {
			this.desk.concede(election, contest, request, principal.getName());
			return "Concession of " + candidate + " recorded";
		}, flash, page(election, contest));
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/concessions/withdraw")
	String withdraw(@PathVariable String election, @PathVariable String contest, @RequestParam String candidate,
			Principal principal, RedirectAttributes flash) {
		return this.pages.submit(null, () -> {
			this.desk.withdrawConcession(election, contest, candidate, principal.getName());
			return "Concession of " + candidate + " withdrawn";
		}, flash, page(election, contest));
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/setup")
	String update(@PathVariable String election, @PathVariable String contest, ContestRequest form, Principal principal,
			RedirectAttributes flash) {
		// the expected vote and turnout have their own form: keep what is stored
		ContestView stored = this.setup.contest(election, contest);
		ContestRequest request = form.withFigures(stored.registeredVoters(), stored.expectedVotes(),
				stored.ballotsCast());
		return this.pages.submit(request, () -> {
			this.setup.updateContest(election, contest, request, principal.getName());
			return "Saved the contest";
		}, flash, page(election, contest) + "#setup");
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/expected")
	String figures(@PathVariable String election, @PathVariable String contest, ContestFigures form,
			@RequestParam(required = false) String clear, Principal principal, RedirectAttributes flash) {
		ContestFigures figures = (clear != null) ? new ContestFigures(null, form.registeredVoters(), form.ballotsCast())
				: form;
		return this.pages.submit(figures, () -> {
			this.setup.updateFigures(election, contest, figures, principal.getName());
			return (clear != null) ? "Cleared the expected vote" : "Saved the expected vote and turnout";
		}, flash, page(election, contest) + "#expected");
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/candidates")
	String addCandidate(@PathVariable String election, @PathVariable String contest, CandidateRequest form,
			Principal principal, RedirectAttributes flash) {
		return this.pages.submit(form, () -> {
			this.setup.addCandidate(election, contest, form, principal.getName());
			return "Added " + form.name();
		}, flash, page(election, contest) + "#candidates");
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/candidates/{id}")
	String updateCandidate(@PathVariable String election, @PathVariable String contest, @PathVariable long id,
			CandidateRequest form, Principal principal, RedirectAttributes flash) {
		return this.pages.submit(form, () -> {
			this.setup.updateCandidate(election, contest, id, form, principal.getName());
			return "Saved " + form.name();
		}, flash, page(election, contest) + "#candidates");
	}

	private static String page(String election, String contest) {
		return "/staff/elections/" + election + "/contests/" + contest;
	}

	/**
	 * A county-level unit and whether it is complete for the estimate.
	 *
	 * @param byFile whether its file says it is complete
	 * @param markedBy who marked it complete, or {@code null}
	 */
	record Completion(String code, String name, boolean byFile, String markedBy) {
	}

}

package org.tally.staff;

import java.security.Principal;
import java.util.Map;

import org.tally.results.projection.BaselineAnswer;
import org.tally.results.projection.BaselineRequest;
import org.tally.results.projection.Baselines;
import org.tally.results.projection.UnitCompletions;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff contest page's baseline form (docs/projection.md): the answer, with the units
 * that did not match, comes back as the page's message.
 */
@Controller
class ProjectionDeskPageController {

	private final Baselines baselines;

	private final StaffPages pages;

	private final UnitCompletions completions;

	ProjectionDeskPageController(Baselines baselines, StaffPages pages, UnitCompletions completions) {
		this.baselines = baselines;
		this.pages = pages;
		this.completions = completions;
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/units/{unit}/complete")
	String complete(@PathVariable String election, @PathVariable String contest, @PathVariable String unit,
			@RequestParam(name = "complete", defaultValue = "true") boolean complete, Principal principal,
			RedirectAttributes flash) {
		return this.pages.submit(null, () -> {
			this.completions.mark(election, contest, unit, complete, principal.getName());
			return complete ? "Marked complete: " + unit : "No longer marked complete: " + unit;
		}, flash, "/staff/elections/" + election + "/contests/" + contest + "#units-complete");
	}

	@PostMapping("/staff/elections/{election}/contests/{contest}/baseline")
	String baseline(@PathVariable String election, @PathVariable String contest,
			@RequestParam("baselineElection") String baselineElection,
			@RequestParam("baselineContest") String baselineContest, Principal principal, RedirectAttributes flash) {
		BaselineRequest request = new BaselineRequest(baselineElection.strip(), baselineContest.strip(), Map.of());
		return this.pages.submit(request, () -> {
			BaselineAnswer answer = this.baselines.link(election, contest, request, principal.getName());
			return "Baseline set: " + answer.unitsMatched() + " units matched"
					+ (answer.unmatchedBaselineUnits().isEmpty() ? ""
							: "; baseline units not matched (still to report): "
									+ String.join(", ", answer.unmatchedBaselineUnits()))
					+ (answer.unmatchedUnits().isEmpty() ? ""
							: "; counted units without a baseline: " + String.join(", ", answer.unmatchedUnits()));
		}, flash, "/staff/elections/" + election + "/contests/" + contest + "#projection");
	}

}

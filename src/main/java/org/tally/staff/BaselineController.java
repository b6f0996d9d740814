package org.tally.staff;

import java.security.Principal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.tally.results.projection.BaselineAnswer;
import org.tally.results.projection.BaselineRequest;
import org.tally.results.projection.Baselines;
import org.tally.results.projection.ProjectionSettings;
import org.tally.results.projection.UnitCompleteAnswer;
import org.tally.results.projection.UnitCompletions;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff link a contest to its baseline and say who may see the estimate
 * (docs/projection.md).
 */
@RestController
@Tag(name = "Election setup", description = "Staff writes: elections, contests, candidates, reporting units.")
@RequestMapping("/api/v1/elections/{election}")
class BaselineController {

	private final Baselines baselines;

	private final ProjectionSettings settings;

	private final UnitCompletions completions;

	BaselineController(Baselines baselines, ProjectionSettings settings, UnitCompletions completions) {
		this.baselines = baselines;
		this.settings = settings;
		this.completions = completions;
	}

	@PutMapping("/contests/{contest}/units/{unit}/complete")
	@Operation(summary = "Mark a county-level unit complete for the contest's estimate (its count is final)")
	UnitCompleteAnswer complete(@PathVariable String election, @PathVariable String contest, @PathVariable String unit,
			Principal principal) {
		return this.completions.mark(election, contest, unit, true, principal.getName());
	}

	@DeleteMapping("/contests/{contest}/units/{unit}/complete")
	@Operation(summary = "Take back a unit's staff marking as complete (its file may still say it is)")
	UnitCompleteAnswer incomplete(@PathVariable String election, @PathVariable String contest,
			@PathVariable String unit, Principal principal) {
		return this.completions.mark(election, contest, unit, false, principal.getName());
	}

	@PutMapping("/contests/{contest}/baseline")
	@Operation(summary = "Link the contest to a baseline contest of an earlier election")
	BaselineAnswer baseline(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody BaselineRequest request, Principal principal) {
		return this.baselines.link(election, contest, request, principal.getName());
	}

	@PutMapping("/projections")
	@Operation(summary = "Who may see the estimate of the final result: off, staff or public")
	Map<String, String> projections(@PathVariable String election, @Valid @RequestBody ProjectionsRequest request,
			Principal principal) {
		this.settings.set(election, request.projections(), principal.getName());
		return Map.of("election", election, "projections", request.projections());
	}

	record ProjectionsRequest(
			@NotBlank @Pattern(regexp = "off|staff|public", message = "one of off, staff, public") String projections) {
	}

}

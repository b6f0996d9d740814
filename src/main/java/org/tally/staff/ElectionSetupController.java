package org.tally.staff;

import java.net.URI;
import java.security.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff set up elections, contests, candidates and reporting units through the API.
 */
@RestController
@RequestMapping("/api/v1/elections")
@Tag(name = "Election setup", description = "Staff writes: elections, contests, candidates, reporting units.")
class ElectionSetupController {

	private final ElectionSetupService elections;

	private final ContestSetupService contests;

	ElectionSetupController(ElectionSetupService elections, ContestSetupService contests) {
		this.elections = elections;
		this.contests = contests;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an election")
	ResponseEntity<ElectionView> create(@Valid @RequestBody CreateElectionRequest request, Principal principal) {
		ElectionSettings election = this.elections.create(request, principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/elections/" + election.slug()))
			.body(ElectionView.of(election));
	}

	@PutMapping("/{election}")
	@Operation(summary = "Change an election's settings")
	ElectionView update(@PathVariable String election, @Valid @RequestBody ElectionRequest request,
			Principal principal) {
		return ElectionView.of(this.elections.update(election, request, principal.getName()));
	}

	@PutMapping("/{election}/status")
	@Operation(summary = "Move an election to another status",
			description = "scheduled, counting, paused, unofficial-complete or certified")
	ElectionView status(@PathVariable String election, @Valid @RequestBody StatusRequest request, Principal principal) {
		return ElectionView.of(this.elections.changeStatus(election, request.status(), principal.getName()));
	}

	@PostMapping("/{election}/contests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a contest")
	ResponseEntity<ContestView> createContest(@PathVariable String election, @Valid @RequestBody ContestRequest request,
			Principal principal) {
		String slug = this.contests.createContest(election, request, principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/elections/" + election + "/contests/" + slug))
			.body(this.contests.contest(election, slug));
	}

	@PutMapping("/{election}/contests/{contest}")
	@Operation(summary = "Change a contest's setup")
	ContestView updateContest(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody ContestRequest request, Principal principal) {
		this.contests.updateContest(election, contest, request, principal.getName());
		return this.contests.contest(election, contest);
	}

	@PostMapping("/{election}/contests/{contest}/candidates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a candidate to a contest")
	CandidateRef addCandidate(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody CandidateRequest request, Principal principal) {
		return new CandidateRef(this.contests.addCandidate(election, contest, request, principal.getName()));
	}

	@PutMapping("/{election}/contests/{contest}/candidates/{id}")
	@Operation(summary = "Change a candidate")
	CandidateRef updateCandidate(@PathVariable String election, @PathVariable String contest, @PathVariable long id,
			@Valid @RequestBody CandidateRequest request, Principal principal) {
		this.contests.updateCandidate(election, contest, id, request, principal.getName());
		return new CandidateRef(id);
	}

	@PostMapping("/{election}/reporting-units")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a reporting unit (county or precinct)")
	ReportingUnitRef addReportingUnit(@PathVariable String election, @Valid @RequestBody ReportingUnitRequest request,
			Principal principal) {
		this.contests.addReportingUnit(election, request, principal.getName());
		return new ReportingUnitRef(request.code());
	}

}

package org.tally.staff;

import java.net.URI;
import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;
import org.tally.results.Election;

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
class ElectionSetupController {

	private final ElectionSetupService elections;

	private final ContestSetupService contests;

	ElectionSetupController(ElectionSetupService elections, ContestSetupService contests) {
		this.elections = elections;
		this.contests = contests;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateElectionRequest request, Principal principal) {
		Election election = this.elections.create(request, principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/elections/" + election.getSlug()))
			.body(Map.of("slug", election.getSlug(), "name", election.getName(), "revision", election.getRevision()));
	}

	@PutMapping("/{election}")
	Map<String, Object> update(@PathVariable String election, @Valid @RequestBody ElectionRequest request,
			Principal principal) {
		return this.elections.update(election, request, principal.getName());
	}

	@PutMapping("/{election}/status")
	Map<String, Object> status(@PathVariable String election, @Valid @RequestBody StatusRequest request,
			Principal principal) {
		return this.elections.changeStatus(election, request.status(), principal.getName());
	}

	@PostMapping("/{election}/contests")
	ResponseEntity<Map<String, Object>> createContest(@PathVariable String election,
			@Valid @RequestBody ContestRequest request, Principal principal) {
		String slug = this.contests.createContest(election, request, principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/elections/" + election + "/contests/" + slug))
			.body(this.contests.contest(election, slug));
	}

	@PutMapping("/{election}/contests/{contest}")
	Map<String, Object> updateContest(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody ContestRequest request, Principal principal) {
		this.contests.updateContest(election, contest, request, principal.getName());
		return this.contests.contest(election, contest);
	}

	@PostMapping("/{election}/contests/{contest}/candidates")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addCandidate(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody CandidateRequest request, Principal principal) {
		return Map.of("id", this.contests.addCandidate(election, contest, request, principal.getName()));
	}

	@PutMapping("/{election}/contests/{contest}/candidates/{id}")
	Map<String, Object> updateCandidate(@PathVariable String election, @PathVariable String contest,
			@PathVariable long id, @Valid @RequestBody CandidateRequest request, Principal principal) {
		this.contests.updateCandidate(election, contest, id, request, principal.getName());
		return Map.of("id", id);
	}

	@PostMapping("/{election}/reporting-units")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addReportingUnit(@PathVariable String election,
			@Valid @RequestBody ReportingUnitRequest request, Principal principal) {
		this.contests.addReportingUnit(election, request, principal.getName());
		return Map.of("code", request.code());
	}

}

package org.tally.staff;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;
import org.tally.results.Election;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff create elections through the API.
 */
@RestController
class ElectionSetupController {

	private final ElectionSetupService setup;

	ElectionSetupController(ElectionSetupService setup) {
		this.setup = setup;
	}

	@PostMapping("/api/v1/elections")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateElectionRequest request) {
		Election election = this.setup.create(request);
		return ResponseEntity.created(URI.create("/api/v1/elections/" + election.getSlug()))
			.body(Map.of("slug", election.getSlug(), "name", election.getName(), "revision", election.getRevision()));
	}

}

package org.tally.staff;

import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff call races and record, correct and withdraw concessions through the API.
 */
@RestController
@RequestMapping("/api/v1/elections/{election}/contests/{contest}")
class RaceDeskController {

	private final RaceDesk desk;

	RaceDeskController(RaceDesk desk) {
		this.desk = desk;
	}

	@PostMapping("/call")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> call(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody CallRequest request, Principal principal) {
		return Map.of("revision", this.desk.call(election, contest, request, principal.getName()));
	}

	@DeleteMapping("/call")
	Map<String, Long> retract(@PathVariable String election, @PathVariable String contest, Principal principal) {
		return Map.of("revision", this.desk.retract(election, contest, principal.getName()));
	}

	@PostMapping("/concessions")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> concede(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody ConcessionRequest request, Principal principal) {
		return Map.of("revision", this.desk.concede(election, contest, request, principal.getName()));
	}

	@PutMapping("/concessions/{candidate}")
	Map<String, Long> editConcession(@PathVariable String election, @PathVariable String contest,
			@PathVariable String candidate, @Valid @RequestBody ConcessionChange change, Principal principal) {
		return Map.of("revision", this.desk.editConcession(election, contest, candidate, change, principal.getName()));
	}

	@DeleteMapping("/concessions/{candidate}")
	Map<String, Long> withdrawConcession(@PathVariable String election, @PathVariable String contest,
			@PathVariable String candidate, Principal principal) {
		return Map.of("revision", this.desk.withdrawConcession(election, contest, candidate, principal.getName()));
	}

}

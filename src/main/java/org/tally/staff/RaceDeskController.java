package org.tally.staff;

import java.security.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Race desk", description = "Staff writes: race calls and concessions.")
@RequestMapping("/api/v1/elections/{election}/contests/{contest}")
class RaceDeskController {

	private final RaceDesk desk;

	RaceDeskController(RaceDesk desk) {
		this.desk = desk;
	}

	@PostMapping("/call")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Call the race")
	RevisionRef call(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody CallRequest request, Principal principal) {
		return new RevisionRef(this.desk.call(election, contest, request, principal.getName()));
	}

	@DeleteMapping("/call")
	@Operation(summary = "Retract the race call")
	RevisionRef retract(@PathVariable String election, @PathVariable String contest, Principal principal) {
		return new RevisionRef(this.desk.retract(election, contest, principal.getName()));
	}

	@PostMapping("/concessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a concession")
	RevisionRef concede(@PathVariable String election, @PathVariable String contest,
			@Valid @RequestBody ConcessionRequest request, Principal principal) {
		return new RevisionRef(this.desk.concede(election, contest, request, principal.getName()));
	}

	@PutMapping("/concessions/{candidate}")
	@Operation(summary = "Correct a concession")
	RevisionRef editConcession(@PathVariable String election, @PathVariable String contest,
			@PathVariable String candidate, @Valid @RequestBody ConcessionChange change, Principal principal) {
		return new RevisionRef(this.desk.editConcession(election, contest, candidate, change, principal.getName()));
	}

	@DeleteMapping("/concessions/{candidate}")
	@Operation(summary = "Withdraw a concession")
	RevisionRef withdrawConcession(@PathVariable String election, @PathVariable String contest,
			@PathVariable String candidate, Principal principal) {
		return new RevisionRef(this.desk.withdrawConcession(election, contest, candidate, principal.getName()));
	}

}

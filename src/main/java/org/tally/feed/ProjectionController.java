package org.tally.feed;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.tally.kernel.ContestNotFoundException;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.results.projection.Projection;
import org.tally.results.projection.ProjectionSettings;
import org.tally.results.projection.Projections;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The estimate of a contest's final result (docs/projection.md): public when the
 * election's {@code projections} is {@code public}, to signed-in staff when it is
 * {@code staff}, to nobody when {@code off}.
 */
@RestController
@Tag(name = "Results feed")
class ProjectionController {

	private final ResultsService results;

	private final Projections projections;

	private final ProjectionSettings settings;

	ProjectionController(ResultsService results, Projections projections, ProjectionSettings settings) {
		this.results = results;
		this.projections = projections;
		this.settings = settings;
	}

	@GetMapping("/api/v1/elections/{election}/contests/{contest}/projection")
	@Operation(summary = "The estimate of the contest's final result, with its 90% range",
			description = "An estimate, not a race call. status is waiting (no baseline, or fewer than 10% "
					+ "of units and 5 complete), estimating or final; low and high are the 90% range's ends; "
					+ "margin.votes is the leader minus the runner-up; calibration is the backtest's coverage. "
					+ "Public when the election's projections setting is public, for staff when staff.")
	ResponseEntity<Projection> projection(@PathVariable String election, @PathVariable String contest,
			Principal principal) {
		boolean open = this.settings.publicMaySee(election);
		if (!open && (principal == null || "off".equals(this.settings.of(election)))) {
			throw ContestNotFoundException.withoutProjection(election, contest);
		}
		ElectionResults current = this.results.results(this.results.current(election));
		ContestResult result = this.results.contest(current, contest);
		CacheControl cache = open ? CacheControl.noCache() : CacheControl.noCache().cachePrivate();
		return ResponseEntity.ok().cacheControl(cache).body(this.projections.of(current, result));
	}

}

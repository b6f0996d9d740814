package org.tally.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whole-election exports in standard layouts, made once per revision.
 */
@RestController
@RequestMapping("/api/v1/elections")
@Tag(name = "Exports", description = "The election's results in standard formats; cacheable like the feed.")
class ElectionExportController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ResultsService results;

	private final FeedResponses responses;

	private final ResultsCsv csv;

	private final CdfReport cdf;

	ElectionExportController(ResultsService results, FeedResponses responses, ResultsCsv csv, CdfReport cdf) {
		this.results = results;
		this.responses = responses;
		this.csv = csv;
		this.cdf = cdf;
	}

	@GetMapping(path = "/{election}/results.csv", produces = "text/csv")
	@Operation(summary = "Counts in the OpenElections layout",
			description = "county,precinct,office,district,party,candidate,votes: precinct rows and county rows as "
					+ "stored (vote type total). Cells starting with = + - @, a tab or a carriage return are "
					+ "prefixed with an apostrophe so spreadsheets show them as text.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
			value = ResultsCsv.HEADER + "Los Angeles,0050001A,U.S. House,34,DEM,Jimmy Gomez,101\r\n")))
	ResponseEntity<byte[]> csv(@PathVariable String election) {
		ElectionResults found = current(election);
		Rendered body = this.results.export(found, FeedView.RESULTS_CSV,
				() -> Rendered.of(found.revision(), this.csv.export(found.election().id()), CSV));
		return withFileName(this.responses.ok(found, body, null), found.election().slug() + ".csv");
	}

	@GetMapping(path = "/{election}/cdf.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "NIST SP 1500-100 v2 ElectionReport",
			description = "The common data format for election results: each contest's totals for the "
					+ "jurisdiction and per county. IsTest marks test elections.")
	ResponseEntity<byte[]> cdf(@PathVariable String election) {
		ElectionResults found = current(election);
		Rendered body = this.responses.bytes(found, FeedView.CDF_JSON, MediaType.APPLICATION_JSON,
				() -> this.cdf.report(found));
		return this.responses.ok(found, body, null);
	}

	private ElectionResults current(String election) {
		return this.results.results(this.results.current(election));
	}

	private static ResponseEntity<byte[]> withFileName(ResponseEntity<byte[]> answer, String fileName) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(answer.getHeaders());
		headers.setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
		return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
	}

}

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

	static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

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
	@Operation(summary = "Counts in the OpenElections layout, by vote type, with progress",
			description = "One row per reporting unit, contest and choice as stored: precinct rows with their county, "
					+ "county rows with an empty precinct. votes is the total; election_day, absentee (Tally's mail), "
					+ "early_voting and provisional the counts by vote type; precincts_reporting, precincts_total, "
					+ "registered_voters, ballots_cast, ballots_outstanding and expected_votes the progress of the "
					+ "contest in the unit, repeated on each of its rows. A unit with progress and no counts of its "
					+ "own has one row with empty party, candidate and votes. An empty cell is a value not stored, "
					+ "never 0. Importing the file into a fresh election (mode=setup) gives back every count and "
					+ "progress value. Cells starting with = + - @, a tab or a carriage return are prefixed with an "
					+ "apostrophe so spreadsheets show them as text (the one change a round trip makes).")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = "text/csv",
					examples = @ExampleObject(value = ResultsCsv.HEADER
							+ "Chester,Atglen,U.S. Senate,,DEM,John Fetterman,258,205,,52,1,,,,,,\r\n"
							+ "Chester,,U.S. Senate,,,,,,,,,,,2787,1589,,\r\n")))
	ResponseEntity<byte[]> csv(@PathVariable String election) {
		ElectionResults found = current(election);
		Rendered body = this.results.export(found, FeedView.RESULTS_CSV,
				() -> Rendered.of(found.revision(), this.csv.export(found.election().id()), CSV));
		return withFileName(this.responses.ok(found, body, null), found.election().slug() + ".csv");
	}

	@GetMapping(path = "/{election}/cdf.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "NIST SP 1500-100 v2 ElectionReport",
			description = "The common data format for election results: each choice's VoteCounts of type total for "
					+ "the jurisdiction, each county and each precinct, and by CountItemType (election-day, "
					+ "absentee-mail for Tally's mail, early, provisional) at the unit whose stored count they are; "
					+ "a ranked-choice contest's rounds as VoteCounts with Round; BallotCounts (BallotsCast, "
					+ "BallotsOutstanding) per unit where files state them; CountStatus per CountItemType of the "
					+ "election, each contest and (once complete) each unit; Status unofficial-partial, "
					+ "unofficial-complete, certified, then correction after a correction of a certified count. "
					+ "GpUnits: the jurisdiction, composed of its counties, each composed of its precincts "
					+ "(ComposingGpUnitIds). Validates against NIST's JSON schemas. IsTest marks test elections.")
	ResponseEntity<byte[]> cdf(@PathVariable String election) {
		ElectionResults found = current(election);
		Rendered body = this.results.export(found, FeedView.CDF_JSON,
				() -> Rendered.of(found.revision(), this.cdf.report(found), MediaType.APPLICATION_JSON));
		return this.responses.ok(found, body, null);
	}

	@GetMapping(path = "/{election}/cdf.xml", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "NIST SP 1500-100 v2 ElectionReport (XML)",
			description = "The cdf.json report in NIST's XML form (namespace "
					+ "http://itl.nist.gov/ns/voting/1500-100/v2, xsi:type on abstract classes), written by the "
					+ "same walk over the same revision. Validates against NIST's v2 XSD.")
	ResponseEntity<byte[]> cdfXml(@PathVariable String election) {
		ElectionResults found = current(election);
		Rendered body = this.results.export(found, FeedView.CDF_XML,
				() -> Rendered.of(found.revision(), this.cdf.xml(found), XML));
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

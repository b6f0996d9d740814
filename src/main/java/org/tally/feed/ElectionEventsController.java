package org.tally.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.system.EmbargoFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live event stream of an election (Server-Sent Events).
 */
@RestController
@RequestMapping("/api/v1/elections")
@Tag(name = "Live events")
class ElectionEventsController {

	/** Seconds a refused reader is asked to wait before trying the stream again. */
	static final int RETRY_AFTER_SECONDS = 30;

	private final ResultsService results;

	private final ElectionEventStream events;

	ElectionEventsController(ResultsService results, ElectionEventStream events) {
		this.results = results;
		this.events = events;
	}

	@GetMapping(path = "/{election}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: one results event per applied revision",
			description = "Each event is named results, its id is the revision and its data "
					+ "{revision, contests:[slugs], test}. A comment line is sent every 15 s as a heartbeat. "
					+ "Reconnecting with Last-Event-ID (or ?lastEventId=) first replays every revision after it. "
					+ "An instance that already serves tally.feed.max-readers streams answers 503 problem+json "
					+ "with Retry-After: retry then, or poll the revision resource meanwhile. "
					+ "Before the election's publishAfter, a reader who is not staff is sent no revision until the "
					+ "results open, then one: the opening.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					examples = @ExampleObject(value = "id:5\nevent:results\ndata:{\"revision\":5,"
							+ "\"contests\":[\"us-house-34\"],\"test\":false}\n\n")))
	void events(@PathVariable String election,
			@Parameter(description = "the last revision seen: replay after it") @RequestHeader(name = "Last-Event-ID",
					required = false) Long lastEventId,
			@Parameter(description = "as Last-Event-ID, for clients that cannot set headers") @RequestParam(
					name = "lastEventId", required = false) Long lastEventIdParameter,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ElectionState state = this.results.current(election);
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.NO_STORE);
		response.setHeader("X-Accel-Buffering", "no");
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if ("HEAD".equals(request.getMethod())) {
			// the stream's head and nothing more: a HEAD that opened a stream kept its
			// connection busy after the client had its answer, so the client's next
			// request on that kept-alive connection was never read (issue 21's fuzzer)
			return;
		}
		if (!this.events.connect(state, (lastEventId != null) ? lastEventId : lastEventIdParameter,
				EmbargoFilter.isStaff(), request, response)) {
			refuse(response, state.slug());
		}
	}

	/**
	 * 503 problem+json: this instance's streams are full. The reader retries later (a
	 * proxy may send it to another instance) or polls the revision resource.
	 */
	private void refuse(HttpServletResponse response, String election) throws IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.NO_STORE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String revision = PublicHttpPolicy.FEED + election + "/revision";
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
					+ "\"detail\":\"This instance serves as many event streams as it is configured to. Retry after "
					+ RETRY_AFTER_SECONDS + " s, or poll " + revision + ".\",\"poll\":\"" + revision + "\"}");
	}

}

package org.tally.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.tally.results.ResultsService;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live event stream of an election (Server-Sent Events).
 */
@RestController
@RequestMapping("/api/v1/elections")
@Tag(name = "Live events")
class ElectionEventsController {

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
					+ "Reconnecting with Last-Event-ID (or ?lastEventId=) first replays every revision after it.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
					examples = @ExampleObject(value = "id:5\nevent:results\ndata:{\"revision\":5,"
							+ "\"contests\":[\"us-house-34\"],\"test\":false}\n\n")))
	ResponseEntity<SseEmitter> events(@PathVariable String election,
			@Parameter(description = "the last revision seen: replay after it") @RequestHeader(name = "Last-Event-ID",
					required = false) Long lastEventId,
			@Parameter(description = "as Last-Event-ID, for clients that cannot set headers") @RequestParam(
					name = "lastEventId", required = false) Long lastEventIdParameter) {
		SseEmitter emitter = this.events.connect(this.results.current(election),
				(lastEventId != null) ? lastEventId : lastEventIdParameter);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Accel-Buffering", "no")
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.body(emitter);
	}

}

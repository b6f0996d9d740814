package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff send results files: as a body ({@code text/csv}, {@code application/json}, ...)
 * or a multipart field {@code file}; the format is told from the bytes.
 */
@RestController
class ImportController {

	private final ImportService imports;

	private final ImportHistory history;

	ImportController(ImportService imports, ImportHistory history) {
		this.imports = imports;
		this.history = history;
	}

	@PostMapping(path = "/api/v1/elections/{election}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportOutcome> upload(@PathVariable String election, @RequestPart("file") MultipartFile file,
			ImportParameters parameters, Principal principal) throws IOException {
		try (InputStream body = file.getInputStream()) {
			return answer(
					this.imports.importFile(parameters.command(election, file.getOriginalFilename(), principal), body));
		}
	}

	@PostMapping(path = "/api/v1/elections/{election}/imports",
			consumes = { "text/csv", "text/plain", "application/octet-stream", "application/json" })
	ResponseEntity<ImportOutcome> body(@PathVariable String election, ImportParameters parameters,
			@RequestParam(required = false) String fileName, HttpServletRequest request, Principal principal)
			throws IOException {
		try (InputStream body = request.getInputStream()) {
			return answer(this.imports.importFile(parameters.command(election, fileName, principal), body));
		}
	}

	@GetMapping("/api/v1/elections/{election}/imports")
	List<ImportHistory.Entry> history(@PathVariable String election) {
		return this.history.forElection(election);
	}

	private static ResponseEntity<ImportOutcome> answer(ImportOutcome outcome) {
		HttpStatus status = "applied".equals(outcome.outcome()) ? HttpStatus.CREATED : HttpStatus.OK;
		return ResponseEntity.status(status).body(outcome);
	}

	@ExceptionHandler(ImportRejectedException.class)
	ProblemDetail rejected(ImportRejectedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				ex.getMessage() + "; nothing was applied");
		problem.setTitle("Import rejected");
		problem.setProperty("importId", ex.importId());
		problem.setProperty("total", ex.total());
		problem.setProperty("problems", ex.problems());
		return problem;
	}

	/** Query parameters of an import. */
	record ImportParameters(String format, String mode, Boolean dryRun, String correction, String county,
			String sourceUpdatedAt, String calls) {

		ImportCommand command(String election, String fileName, Principal principal) {
			Instant source = null;
			if (this.sourceUpdatedAt != null && !this.sourceUpdatedAt.isBlank()) {
				try {
					source = Instant.parse(this.sourceUpdatedAt);
				}
				catch (DateTimeParseException ex) {
					throw new IllegalArgumentException(
							"sourceUpdatedAt must be an ISO-8601 UTC time like 2017-06-07T09:00:00Z");
				}
			}
			return new ImportCommand(election, fileName, ImportFormat.fromCode(this.format),
					ImportMode.fromCode(this.mode), Boolean.TRUE.equals(this.dryRun), this.correction, this.county,
					source, principal.getName(), sourceCalls(this.calls));
		}

		private static boolean sourceCalls(String calls) {
			if (calls == null || calls.isBlank() || calls.strip().equalsIgnoreCase("none")) {
				return false;
			}
			if (calls.strip().equalsIgnoreCase("ap")) {
				return true;
			}
			throw new IllegalArgumentException("calls must be 'ap' (AP's winner flags become calls) or 'none'");
		}

	}

}

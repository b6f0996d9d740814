package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.tally.ingest.kit.ImportFormat;
import org.tally.kernel.InvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff send results files: as the request body or a multipart field {@code file}. The
 * format is found from the bytes, not the Content-Type: any of {@link #READ_TYPES} is
 * accepted for any format; another type is refused with a problem naming the formats. A
 * {@code charset} parameter names a CSV file's encoding.
 */
@RestController
@Tag(name = "Imports", description = "Staff send results files; reading the history is public.")
class ImportController {

	private final ImportService imports;

	private final ImportHistory history;

	ImportController(ImportService imports, ImportHistory history) {
		this.imports = imports;
		this.history = history;
	}

	@Operation(summary = "Import a results file",
			description = "The file as a multipart field 'file' or as the request body; all or nothing.")
	@ApiResponse(responseCode = "201", description = "applied: the counts changed in a new revision")
	@ApiResponse(responseCode = "200",
			description = "a dry run's preview, or a file already imported or changing nothing")
	@PostMapping(path = "/api/v1/elections/{election}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportOutcome> upload(@PathVariable String election, @RequestPart("file") MultipartFile file,
			ImportParameters parameters, Principal principal) throws IOException, HttpMediaTypeNotSupportedException {
		Charset charset = partCharset(file.getContentType());
		try (InputStream body = file.getInputStream()) {
			return answer(this.imports
				.importFile(parameters.command(election, file.getOriginalFilename(), principal, charset), body));
		}
	}

	/** The Content-Types a results file may come with. */
	static final List<MediaType> READ_TYPES = List.of(MediaType.parseMediaType("text/csv"), MediaType.TEXT_PLAIN,
			MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_JSON,
			MediaType.parseMediaType("application/zip"), MediaType.parseMediaType("application/x-zip-compressed"),
			MediaType.APPLICATION_OCTET_STREAM);

	@Operation(summary = "Import a results file",
			description = "The file as a multipart field 'file' or as the request body; all or nothing.",
			requestBody = @RequestBody(description = "the results file's bytes", content = {
					@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "text/plain", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/octet-stream",
							schema = @Schema(type = "string", format = "binary")) }))
	@ApiResponse(responseCode = "201", description = "applied: the counts changed in a new revision")
	@ApiResponse(responseCode = "200",
			description = "a dry run's preview, or a file already imported or changing nothing")
	@PostMapping(path = "/api/v1/elections/{election}/imports")
	ResponseEntity<ImportOutcome> body(@PathVariable String election, ImportParameters parameters,
			@RequestParam(required = false) String fileName, HttpServletRequest request, Principal principal)
			throws IOException, HttpMediaTypeNotSupportedException {
		Charset charset = charsetOf(request.getContentType());
		try (InputStream body = request.getInputStream()) {
			return answer(this.imports.importFile(parameters.command(election, fileName, principal, charset), body));
		}
	}

	/**
	 * The charset the Content-Type names, or {@code null}; an unsupported type or charset
	 * is a {@link HttpMediaTypeNotSupportedException} (415).
	 */
	static Charset charsetOf(String contentType) throws HttpMediaTypeNotSupportedException {
		MediaType type;
		try {
			type = MediaType.parseMediaType((contentType != null) ? contentType : "application/octet-stream");
		}
		catch (InvalidMediaTypeException ex) {
			throw new HttpMediaTypeNotSupportedException(ex.getMessage());
		}
		if (READ_TYPES.stream().noneMatch((read) -> read.equalsTypeAndSubtype(type))) {
			throw new HttpMediaTypeNotSupportedException(type, READ_TYPES);
		}
		try {
			return type.getCharset();
		}
		catch (IllegalArgumentException ex) {
			throw new HttpMediaTypeNotSupportedException("unknown charset in " + contentType);
		}
	}

	/**
	 * A part's charset, if it names one: browsers label a .csv part with whatever the
	 * desktop says (even "application/vnd.ms-excel"), so the part's type is not checked.
	 */
	private static Charset partCharset(String contentType) {
		try {
			return (contentType != null) ? MediaType.parseMediaType(contentType).getCharset() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail unsupportedType(HttpMediaTypeNotSupportedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Tally reads results files in these formats: "
						+ Arrays.stream(ImportFormat.values()).map(ImportFormat::code).collect(Collectors.joining(", "))
						+ " (found from the file itself); send the file as the body with one of the types "
						+ READ_TYPES.stream().map(MediaType::toString).collect(Collectors.joining(", "))
						+ ", or as multipart/form-data field 'file'");
		problem.setTitle("Unsupported Content-Type");
		problem.setProperty("formats", Arrays.stream(ImportFormat.values()).map(ImportFormat::code).toList());
		return problem;
	}

	/**
	 * A form-encoded body is parsed into request parameters while the import's parameters
	 * are bound, before {@link #charsetOf} sees its type, and a results file's lines make
	 * parameter names the firewall refuses: that is a Content-Type Tally does not read.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ProblemDetail rejectedRequest(RequestRejectedException ex, HttpServletRequest request) {
		try {
			charsetOf(request.getContentType());
		}
		catch (HttpMediaTypeNotSupportedException unsupported) {
			return unsupportedType(unsupported);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"query: a parameter holds characters Tally does not accept");
		problem.setTitle("Bad request");
		return problem;
	}

	@GetMapping("/api/v1/elections/{election}/imports")
	@Operation(summary = "Imports of an election, newest first",
			description = "Public: who imported is a role (recordedByRole), never a user name; correction reasons stay.")
	List<ImportHistory.PublicEntry> history(@PathVariable String election) {
		return this.history.forReaders(election);
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
			return command(election, fileName, principal, null);
		}

		ImportCommand command(String election, String fileName, Principal principal, Charset charset) {
			Instant source = null;
			if (this.sourceUpdatedAt != null && !this.sourceUpdatedAt.isBlank()) {
				try {
					source = Instant.parse(this.sourceUpdatedAt);
				}
				catch (DateTimeParseException ex) {
					throw new InvalidRequestException(
							"sourceUpdatedAt: must be an ISO-8601 UTC time like 2017-06-07T09:00:00Z");
				}
			}
			// an unknown format, mode or calls, a correction too long: named
			Instant sourceTime = source;
			ImportFormat format = named("format", () -> ImportFormat.fromCode(this.format));
			ImportMode mode = named("mode", () -> ImportMode.fromCode(this.mode));
			boolean calls = named("calls", () -> sourceCalls(this.calls));
			return named("correction",
					() -> new ImportCommand(election, fileName, format, mode, Boolean.TRUE.equals(this.dryRun),
							this.correction, this.county, sourceTime, principal.getName(), calls, charset));
		}

		private static <T> T named(String parameter, java.util.function.Supplier<T> value) {
			try {
				return value.get();
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidRequestException(parameter + ": " + ex.getMessage());
			}
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

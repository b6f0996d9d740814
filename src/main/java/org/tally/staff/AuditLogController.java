package org.tally.staff;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff audit log as a NIST SP 1500-101 election event log, for admins only (like
 * {@code /staff/audit}); never cached by anyone but the caller.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The staff audit log as a NIST SP 1500-101 event log (admins).")
class AuditLogController {

	static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final AuditEventLog log;

	AuditLogController(AuditEventLog log) {
		this.log = log;
	}

	@GetMapping(path = "/eel.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The audit log as a NIST SP 1500-101 v1 ElectionEventLog (JSON)",
			description = "Admins only. One Device (this Tally) whose Events are every audit entry, oldest first: "
					+ "Id the action (sign-in, import, call...), Sequence the entry's number, UserId who acted, "
					+ "TimeStamp, Type (authentication, account, results, setup), Disposition (failure for refused "
					+ "sign-ins and password changes), Details the entry's target, before, after and detail as JSON. "
					+ "Validates against NIST's JSON schema.")
	ResponseEntity<byte[]> json() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		this.log.json(bytes, Instant.now());
		return answer(bytes, MediaType.APPLICATION_JSON);
	}

	@GetMapping(path = "/eel.xml", produces = MediaType.APPLICATION_XML_VALUE)
	@Operation(summary = "The audit log as a NIST SP 1500-101 v1 ElectionEventLog (XML)",
			description = "Admins only. eel.json in NIST's XML form (namespace "
					+ "http://itl.nist.gov/ns/voting/1500-101/v1); validates against NIST's XSD.")
	ResponseEntity<byte[]> xml() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		this.log.xml(bytes, Instant.now());
		return answer(bytes, XML);
	}

	private static ResponseEntity<byte[]> answer(ByteArrayOutputStream bytes, MediaType type) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.contentType(type)
			.body(bytes.toByteArray());
	}

}

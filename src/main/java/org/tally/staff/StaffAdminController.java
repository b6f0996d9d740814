package org.tally.staff;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins manage staff accounts and API tokens through the API (admin only, see
 * SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Staff admin",
		description = "Admins only (except changing one's own password): staff accounts and API tokens.")
class StaffAdminController {

	private final StaffUsers users;

	private final ApiTokens tokens;

	StaffAdminController(StaffUsers users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/users")
	@Operation(summary = "Staff accounts")
	List<StaffUsers.UserView> users() {
		return this.users.list();
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a staff account")
	ResponseEntity<StaffUsers.UserView> createUser(@Valid @RequestBody UserRequest request, Principal principal) {
		StaffUsers.UserView user = this.users.create(request, principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
	}

	@PutMapping("/users/{username}")
	@Operation(summary = "Change a staff account (role, password, enabled, unlock)",
			description = "Admins change any account. Anyone signed in may change their own password, giving "
					+ "currentPassword; a password an admin sets for someone else must be changed at that "
					+ "user's next sign-in. 403 without the proof, 429 when the address is throttled.")
	StaffUsers.UserView changeUser(@PathVariable String username, @Valid @RequestBody UserChange change,
			Authentication authentication, HttpServletRequest request) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> StaffRole.ADMIN.authority().equals(authority.getAuthority()));
		return this.users.change(username, change,
				new StaffUsers.Actor(authentication.getName(), admin, request.getRemoteAddr()));
	}

	@ExceptionHandler(AccountChangeRefusedException.class)
	ResponseEntity<ProblemDetail> refused(AccountChangeRefusedException ex) {
		boolean throttled = ex.retryAfterSeconds() > 0;
		HttpStatus status = throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.FORBIDDEN;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(throttled ? "Too Many Requests" : "Forbidden");
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (throttled) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		}
		return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@GetMapping("/tokens")
	@Operation(summary = "API tokens")
	List<ApiTokens.TokenView> tokens() {
		return this.tokens.list();
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token (shown once)")
	ResponseEntity<ApiTokens.NewToken> createToken(@Valid @RequestBody TokenRequest request, Principal principal) {
		ApiTokens.NewToken token = this.tokens.create(request.username(), request.name(), request.scopes(),
				request.election(), principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id())).body(token);
	}

	@DeleteMapping("/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API token")
	ResponseEntity<Void> revokeToken(@PathVariable long id, Principal principal) {
		this.tokens.revoke(id, principal.getName());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Body of {@code POST /api/v1/tokens}: the account the token signs in as, what it may
	 * do ({@code read}, {@code import}, {@code calls}; all when left out) and the one
	 * election it may write to (all when left out).
	 */
	record TokenRequest(@NotBlank @Size(max = 100) String name, @NotBlank String username,
			@Nullable @Schema(description = "read, import, calls; every scope when left out",
					example = "[\"import\"]") @Size(max = 3) List<String> scopes,
			@Nullable @Schema(
					description = "slug of the one election the token may write to; every election when left out") String election) {
	}

}

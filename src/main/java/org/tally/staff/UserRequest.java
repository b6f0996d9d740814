package org.tally.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/users}. The name is kept in its {@link Usernames#canonical
 * canonical} form ({@code " Alice"} is {@code alice}).
 */
public record UserRequest(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}",
				message = "letters, digits and . _ @ -, at most 100") String username,
		@NotBlank @Size(min = 12, max = 72, message = "12 to 72 characters") @Schema(
				description = "12 to 72 characters and at most 72 bytes in UTF-8 (bcrypt reads no more)") String password,
		@NotBlank @Pattern(regexp = "ADMIN|STAFF", message = "ADMIN or STAFF") String role) {

	public UserRequest {
		username = (username != null) ? Usernames.canonical(username) : null;
	}

}

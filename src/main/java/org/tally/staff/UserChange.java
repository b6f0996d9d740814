package org.tally.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/users/{username}}: each field left out stays as it is;
 * {@code unlock} clears a lockout after failed sign-ins.
 */
public record UserChange(@Pattern(regexp = "ADMIN|STAFF", message = "ADMIN or STAFF") String role, Boolean enabled,
		@Size(min = 12, max = 72, message = "12 to 72 characters") @Schema(
				description = "12 to 72 characters and at most 72 bytes in UTF-8 (bcrypt reads no more)") String password,
		Boolean unlock) {
}

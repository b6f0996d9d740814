package org.tally.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/v1/users/{username}}: each field left out stays as it is;
 * {@code unlock} forgets the failed sign-ins counted against the account (every throttle
 * rule). Changing one's own password needs {@code currentPassword}; an admin setting
 * another user's password makes that user choose a new one at the next sign-in.
 */
public record UserChange(@Pattern(regexp = "ADMIN|STAFF", message = "ADMIN or STAFF") String role, Boolean enabled,
		@Size(min = 12, max = 72, message = "12 to 72 characters") @Schema(
				description = "12 to 72 characters and at most 72 bytes in UTF-8 (bcrypt reads no more)") String password,
		Boolean unlock,
		@Nullable @Schema(description = "the account's current password: required to change one's own password") @Size(
				max = 200) String currentPassword) {

	boolean changesPassword() {
		return this.password != null && !this.password.isEmpty();
	}

}

package org.tally.staff;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/users/{username}}: each field left out stays as it is;
 * {@code unlock} clears a lockout after failed sign-ins.
 */
public record UserChange(@Pattern(regexp = "ADMIN|STAFF", message = "ADMIN or STAFF") String role, Boolean enabled,
		@Size(min = 12, max = 200, message = "12 to 200 characters") String password, Boolean unlock) {
}

package org.tally.staff;

import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code PUT /api/v1/elections/{e}/status}.
 */
public record StatusRequest(@NotBlank String status) {
}

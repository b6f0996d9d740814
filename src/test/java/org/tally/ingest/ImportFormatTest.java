package org.tally.ingest;

import org.junit.jupiter.api.Test;

import org.tally.ingest.kit.ImportFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Staff name the format in the import request ({@code format=openelections}).
 */
class ImportFormatTest {

	@Test
	void findsFormatsByCode() {
		assertThat(ImportFormat.fromCode("openelections")).isEqualTo(ImportFormat.OPENELECTIONS);
		assertThat(ImportFormat.fromCode(" Clarity-Summary ")).isEqualTo(ImportFormat.CLARITY_SUMMARY);
		assertThat(ImportFormat.CLARITY_SUMMARY.code()).isEqualTo("clarity-summary");
	}

	@Test
	void leavesAutoToDetection() {
		assertThat(ImportFormat.fromCode("auto")).isNull();
		assertThat(ImportFormat.fromCode(null)).isNull();
		assertThat(ImportFormat.fromCode("")).isNull();
	}

	@Test
	void refusesUnknownCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImportFormat.fromCode("xlsx"))
			.withMessage("Unknown import format 'xlsx': expected auto, openelections, clarity-summary, clarity-detail, "
					+ "nist-cdf, ap-json, rctab");
	}

}

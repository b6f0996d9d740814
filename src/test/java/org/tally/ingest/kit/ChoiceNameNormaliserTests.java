package org.tally.ingest.kit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one normaliser of docs/contract.md §3, on names as real files write them: New
 * Jersey's "- PHILIP MURPHY" (Clarity), Georgia's "Donald J. Trump (I) (Rep)" with
 * {@code party="NP"}, Arkansas' "Tom Cotton (REP)", Kentucky's "Mitch McCONNELL".
 */
class ChoiceNameNormaliserTests {

	@Test
	void dropsClaritysLeadingDash() {
		assertThat(ChoiceNameNormaliser.normalise("- PHILIP MURPHY", null))
			.isEqualTo(new ChoiceNameNormaliser.Name("PHILIP MURPHY", null, false));
	}

	@Test
	void aPartyInTheNameWinsOverANoPartyPlaceholderAndIncumbentIsMarked() {
		assertThat(ChoiceNameNormaliser.normalise("Donald J. Trump (I) (Rep)", "NP"))
			.isEqualTo(new ChoiceNameNormaliser.Name("Donald J. Trump", "Rep", true));
		assertThat(ChoiceNameNormaliser.normalise("Joseph R. Biden (Dem)", "NP"))
			.isEqualTo(new ChoiceNameNormaliser.Name("Joseph R. Biden", "Dem", false));
	}

	@Test
	void theFilesOwnPartyWinsOverTheNamesAndAPlaceholderAloneIsKept() {
		assertThat(ChoiceNameNormaliser.normalise("Tom Cotton (REP)", "Republican"))
			.isEqualTo(new ChoiceNameNormaliser.Name("Tom Cotton", "Republican", false));
		assertThat(ChoiceNameNormaliser.normalise("Ann Judge", "NP"))
			.isEqualTo(new ChoiceNameNormaliser.Name("Ann Judge", "NP", false));
	}

	@Test
	void keepsCaseNicknamesAndWriteInMarks() {
		assertThat(ChoiceNameNormaliser.name("Mitch McCONNELL")).isEqualTo("Mitch McCONNELL");
		assertThat(ChoiceNameNormaliser.name("Bernard (Bernie) Sanders")).isEqualTo("Bernard (Bernie) Sanders");
		assertThat(ChoiceNameNormaliser.name("Jane Roe (W/I)")).isEqualTo("Jane Roe (W/I)");
		assertThat(ChoiceNameNormaliser.name("  Jane\u00A0  Roe ")).isEqualTo("Jane Roe");
		assertThat(ChoiceNameNormaliser.name("(I)")).isEqualTo("(I)");
	}

}

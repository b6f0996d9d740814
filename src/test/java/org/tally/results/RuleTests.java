package org.tally.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuleTests {

	@Test
	void codesAreTheNamesTheApiUses() {
		assertThat(Rule.PLURALITY.code()).isEqualTo("plurality");
		assertThat(Rule.MAJORITY.code()).isEqualTo("majority");
		assertThat(Rule.TOP_TWO.code()).isEqualTo("top-two");
		assertThat(Rule.THRESHOLD.code()).isEqualTo("threshold");
	}

	@Test
	void everyRuleIsFoundByItsCode() {
		for (Rule rule : Rule.values()) {
			assertThat(Rule.fromCode(rule.code())).isSameAs(rule);
		}
	}

	@Test
	void codeLookupIgnoresCaseAndBlanks() {
		assertThat(Rule.fromCode(" Top-Two ")).isSameAs(Rule.TOP_TWO);
	}

	@Test
	void rejectsUnknownCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Rule.fromCode("top_two"))
			.withMessageContaining("top_two");
		assertThatIllegalArgumentException().isThrownBy(() -> Rule.fromCode("TOP_TWO"));
		assertThatIllegalArgumentException().isThrownBy(() -> Rule.fromCode(""));
		assertThatIllegalArgumentException().isThrownBy(() -> Rule.fromCode(null));
	}

}

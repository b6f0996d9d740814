package org.tally.results;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.ContractCheck;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call statuses: the API's (and so the database's, EnumsFollowTheDatabaseTests) and
 * which of them decide a contest.
 */
class CallStatusTests {

	@Test
	void codesAreTheStatusesTheApiDeclares() throws IOException {
		List<String> declared = new ArrayList<>();
		JsonMapper.builder()
			.build()
			.readTree(Files.readString(ContractCheck.DOCUMENT))
			.path("components")
			.path("schemas")
			.path("CallResponse")
			.path("properties")
			.path("status")
			.path("enum")
			.forEach((value) -> declared.add(value.asString()));
		assertThat(Arrays.stream(CallStatus.values()).map(CallStatus::code)).containsExactlyElementsOf(declared);
	}

	@Test
	void onlyACallOrARunoffDecidesTheContest() {
		assertThat(Arrays.stream(CallStatus.values()).filter(CallStatus::decides)).containsExactly(CallStatus.CALLED,
				CallStatus.RUNOFF);
		assertThat(CallStatus.decides("runoff")).isTrue();
		assertThat(CallStatus.decides("too-close")).isFalse();
		assertThat(CallStatus.decides("nonsense")).isFalse();
		assertThat(CallStatus.find("too-early")).contains(CallStatus.TOO_EARLY);
		assertThat(RaceCall.NOT_CALLED.status()).isEqualTo("not-called");
	}

}

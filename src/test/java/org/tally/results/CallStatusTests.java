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

	/**
	 * The contest's call ({@code ContestResponse}) and the election's summary line
	 * ({@code ElectionResponse}) list the statuses in their annotations: the enum's, in
	 * its order.
	 */
	@Test
	void codesAreTheStatusesTheApiDeclares() throws IOException {
		var schemas = JsonMapper.builder()
			.build()
			.readTree(Files.readString(ContractCheck.DOCUMENT))
			.path("components")
			.path("schemas");
		for (String[] property : new String[][] { { "CallResponse", "status" }, { "ContestSummary", "callStatus" } }) {
			List<String> declared = new ArrayList<>();
			schemas.path(property[0])
				.path("properties")
				.path(property[1])
				.path("enum")
				.forEach((value) -> declared.add(value.asString()));
			assertThat(Arrays.stream(CallStatus.values()).map(CallStatus::code)).as(String.join(".", property))
				.containsExactlyElementsOf(declared);
		}
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

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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The roles a revision records: the API's (and so the database's,
 * EnumsFollowTheDatabaseTests).
 */
class RecordedRoleTests {

	/**
	 * The contest's call ({@code ContestResponse}) lists the roles in its annotation: the
	 * enum's, in its order.
	 */
	@Test
	void codesAreTheRolesTheApiDeclares() throws IOException {
		List<String> declared = new ArrayList<>();
		JsonMapper.builder()
			.build()
			.readTree(Files.readString(ContractCheck.DOCUMENT))
			.path("components")
			.path("schemas")
			.path("CallResponse")
			.path("properties")
			.path("calledBy")
			.path("enum")
			.forEach((value) -> declared.add(value.asString()));
		assertThat(Arrays.stream(RecordedRole.values()).map(RecordedRole::code)).containsExactlyElementsOf(declared);
	}

	@Test
	void aCodeNamesOneRole() {
		assertThat(RecordedRole.fromCode("system")).isEqualTo(RecordedRole.SYSTEM);
		assertThat(RecordedRole.find("ADMIN")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> RecordedRole.fromCode("auditor"));
		assertThat(CallChoiceRole.fromCode("advancing")).isEqualTo(CallChoiceRole.ADVANCING);
		assertThatIllegalArgumentException().isThrownBy(() -> CallChoiceRole.fromCode("loser"));
	}

}

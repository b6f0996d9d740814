package org.tally.results;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The canonical JSON of docs/verify.md: members sorted, no whitespace, the escapes JSON
 * needs, numbers as digits; a record is an object of its components.
 */
class CanonicalJsonTests {

	@Test
	void aMapIsAnObjectWithItsMembersSorted() {
		Map<String, Object> action = new LinkedHashMap<>();
		action.put("type", "call");
		action.put("winners", List.of("Jimmy Gomez"));
		action.put("note", "AP \"first\"\n");
		action.put("advancing", List.of());
		action.put("override", null);
		action.put("votes", 12L);
		action.put("pct", new BigDecimal("52.50"));
		assertThat(CanonicalJson.of(action)).isEqualTo("{\"advancing\":[],\"note\":\"AP \\\"first\\\"\\n\","
				+ "\"override\":null,\"pct\":52.5,\"type\":\"call\",\"votes\":12,\"winners\":[\"Jimmy Gomez\"]}");
	}

	@Test
	void aRecordIsAnObjectOfItsComponentsSorted() {
		assertThat(CanonicalJson.of(new Import("ap", "strict", null, true, List.of(new RevisionAction.Note("é\t")))))
			.isEqualTo("{\"calls\":true,\"correction\":null,\"format\":\"ap\",\"mode\":\"strict\","
					+ "\"notes\":[{\"note\":\"é\\t\"}]}");
		assertThat(CanonicalJson.of(new RevisionAction.Opening("2030-11-06T01:00:00Z")))
			.isEqualTo("{\"publishAfter\":\"2030-11-06T01:00:00Z\"}");
	}

	@Test
	void membersOfARecordAreSortedAndMayBeAddedTo() {
		SortedMap<String, Object> members = CanonicalJson.members(new Import("ap", "strict", null, false, List.of()));
		members.putIfAbsent("type", "import");
		members.put("role", "staff");
		assertThat(CanonicalJson.of(members)).isEqualTo("{\"calls\":false,\"correction\":null,\"format\":\"ap\","
				+ "\"mode\":\"strict\",\"notes\":[],\"role\":\"staff\",\"type\":\"import\"}");
	}

	@Test
	void onlyAMapOrARecordHasMembers() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.members("text"));
	}

	private record Import(String format, String mode, String correction, boolean calls,
			List<RevisionAction.Note> notes) {
	}

}

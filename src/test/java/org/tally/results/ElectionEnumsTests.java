package org.tally.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What election statuses and kinds mean (their codes are the database's:
 * EnumsFollowTheDatabaseTests): which are live, which are primaries, and the list order
 * that the SQL of {@link ResultsQueries#elections()} spells out.
 */
class ElectionEnumsTests {

	@Test
	void onlyCountingAndPausedElectionsAreLive() {
		assertThat(Arrays.stream(ElectionStatus.values()).filter(ElectionStatus::live))
			.containsExactly(ElectionStatus.COUNTING, ElectionStatus.PAUSED);
	}

	@Test
	void primariesAreThePrimaryKinds() {
		assertThat(Arrays.stream(ElectionKind.values()).filter(ElectionKind::primary).map(ElectionKind::code))
			.containsExactly("primary", "special-primary");
	}

	@Test
	void theElectionListQueryOrdersByListOrder() {
		String sql = ResultsQueries.LIVE_FIRST;
		Map<String, Integer> spelled = new LinkedHashMap<>();
		Matcher when = Pattern.compile("when '([a-z-]+)' then (\\d+)").matcher(sql);
		while (when.find()) {
			spelled.put(when.group(1), Integer.valueOf(when.group(2)));
		}
		Matcher otherwise = Pattern.compile("else (\\d+) end").matcher(sql);
		assertThat(otherwise.find()).isTrue();
		for (ElectionStatus status : ElectionStatus.values()) {
			assertThat(spelled.getOrDefault(status.code(), Integer.valueOf(otherwise.group(1)))).as(status.code())
				.isEqualTo(status.listOrder());
		}
	}

	@Test
	void everyLabelKeyHasItsTextInEveryLanguage() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_es.properties" }) {
			Properties messages = new Properties();
			try (Reader in = Files.newBufferedReader(Path.of("src", "main", "resources", file))) {
				messages.load(in);
			}
			Stream
				.of(Arrays.stream(ElectionStatus.values()).map(ElectionStatus::labelKey),
						Arrays.stream(ElectionKind.values()).map(ElectionKind::labelKey),
						Arrays.stream(VoteType.values()).map(VoteType::labelKey))
				.flatMap((keys) -> keys)
				.forEach((key) -> assertThat(messages.getProperty(key)).as(file + " " + key).isNotBlank());
		}
	}

}

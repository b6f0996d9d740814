package org.tally.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tally.results.CallChoiceRole;
import org.tally.results.CallStatus;
import org.tally.results.ContestKind;
import org.tally.results.ElectionKind;
import org.tally.results.ElectionStatus;
import org.tally.results.RecordedRole;
import org.tally.results.Rule;
import org.tally.results.UnitLevel;
import org.tally.results.VoteType;
import org.tally.staff.StaffRole;
import org.tally.support.ContractCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed sets of the committed OpenAPI document are the database's: each enum a
 * request or response declares lists exactly the values the column's check constraint in
 * the Flyway migrations allows (the last migration to state it wins), and so does the
 * Java enum of the column.
 */
class EnumsFollowTheDatabaseTests {

	private static final Pattern TABLE = Pattern.compile("(?i)(?:create|alter) table (?:if not exists )?(\\w+)");

	private static final Pattern CHECK = Pattern.compile("(?i)check \\((\\w+) in \\(([^)]*)\\)\\)");

	static final Map<String, List<String>> USES = Map.ofEntries(
			Map.entry("election.kind",
					List.of("ElectionSummaryResponse", "ElectionResponse", "ElectionView", "CreateElectionRequest",
							"ElectionRequest")),
			Map.entry("election.status", List.of("ElectionSummaryResponse", "ElectionResponse", "ElectionView")),
			Map.entry("reporting_unit.level", List.of("ReportingUnitResponse", "ReportingUnitRequest")),
			Map.entry("contest.kind", List.of("ContestResponse", "ContestView", "ContestRequest")),
			Map.entry("contest.rule", List.of("ContestResponse", "ContestView", "ContestRequest")),
			Map.entry("revision.kind", List.of("Point")),
			Map.entry("revision.recorded_role", List.of("CallResponse:calledBy")),
			Map.entry("race_call.status", List.of("CallResponse", "CallRequest", "ContestSummary:callStatus")),
			Map.entry("import_record.mode", List.of("PublicEntry")),
			Map.entry("import_record.outcome", List.of("PublicEntry")),
			Map.entry("staff_user.role", List.of("UserView", "UserRequest", "UserChange")));

	/** The Java enum of each column: its values as the column stores them. */
	static final Map<String, List<String>> ENUMS = Map.ofEntries(
			Map.entry("vote_count.vote_type", codes(VoteType.values(), VoteType::code)),
			Map.entry("vote_count_change.vote_type", codes(VoteType.values(), VoteType::code)),
			Map.entry("count_sum.vote_type", codes(VoteType.values(), VoteType::code)),
			Map.entry("contest_type_snapshot.vote_type", VoteType.SPLIT.stream().map(VoteType::code).toList()),
			Map.entry("election.status", codes(ElectionStatus.values(), ElectionStatus::code)),
			Map.entry("election.kind", codes(ElectionKind.values(), ElectionKind::code)),
			Map.entry("contest.kind", codes(ContestKind.values(), ContestKind::code)),
			Map.entry("contest.rule", codes(Rule.values(), Rule::code)),
			Map.entry("reporting_unit.level", codes(UnitLevel.values(), UnitLevel::code)),
			Map.entry("race_call.status", codes(CallStatus.values(), CallStatus::code)),
			Map.entry("race_call_choice.role", codes(CallChoiceRole.values(), CallChoiceRole::code)),
			Map.entry("revision.recorded_role", codes(RecordedRole.values(), RecordedRole::code)),
			Map.entry("staff_user.role", codes(StaffRole.values(), StaffRole::name)));

	@Test
	void everyJavaEnumListsWhatTheColumnAllows() throws IOException {
		Map<String, List<String>> checks = checks();
		ENUMS.forEach((column, values) -> assertThat(values).as(column)
			.containsExactlyInAnyOrderElementsOf(checks.get(column)));
	}

	/**
	 * A revision records its account's role in lower case (Revisions): each account role
	 * is a recorded role, and a replay acts for a recorded role with an account of that
	 * role (StaffRole.recording).
	 */
	@Test
	void everyAccountRoleIsARecordedRole() throws IOException {
		for (String account : checks().get("staff_user.role")) {
			assertThat(RecordedRole.find(account.toLowerCase(Locale.ROOT))).as(account)
				.hasValueSatisfying(
						(recorded) -> assertThat(StaffRole.recording(recorded)).contains(StaffRole.valueOf(account)));
		}
		assertThat(StaffRole.recording(RecordedRole.SYSTEM)).isEmpty();
	}

	private static <E> List<String> codes(E[] values, Function<E, String> code) {
		return Arrays.stream(values).map(code).toList();
	}

	@Test
	void everyEnumListsWhatTheColumnAllows() throws IOException {
		Map<String, List<String>> checks = checks();
		JsonNode schemas = JsonMapper.builder()
			.build()
			.readTree(Files.readString(ContractCheck.DOCUMENT))
			.path("components")
			.path("schemas");
		USES.forEach((column, uses) -> {
			assertThat(checks).as("a check constraint on " + column).containsKey(column);
			for (String use : uses) {
				String schema = use.contains(":") ? use.substring(0, use.indexOf(':')) : use;
				String property = use.contains(":") ? use.substring(use.indexOf(':') + 1)
						: column.substring(column.indexOf('.') + 1);
				List<String> values = new ArrayList<>();
				schemas.path(schema)
					.path("properties")
					.path(property)
					.path("enum")
					.forEach((v) -> values.add(v.asString()));
				assertThat(values).as(schema + "." + property + " against " + column)
					.containsExactlyInAnyOrderElementsOf(checks.get(column));
			}
		});
	}

	private static Map<String, List<String>> checks() throws IOException {
		Map<String, List<String>> checks = new HashMap<>();
		try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
			for (Path file : files.sorted((a, b) -> Integer.compare(version(a), version(b))).toList()) {
				String table = null;
				for (String line : Files.readAllLines(file)) {
					Matcher create = TABLE.matcher(line);
					if (create.find()) {
						table = create.group(1).toLowerCase();
					}
					Matcher check = CHECK.matcher(line);
					while (table != null && check.find()) {
						List<String> values = new ArrayList<>();
						for (String value : check.group(2).split(",")) {
							values.add(value.strip().replace("'", ""));
						}
						checks.put(table + "." + check.group(1).toLowerCase(), values);
					}
				}
			}
		}
		return checks;
	}

	private static int version(Path file) {
		String name = file.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

}

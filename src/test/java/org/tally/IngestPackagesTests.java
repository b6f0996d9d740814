package org.tally;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The import's packages (README, "Code layout"; docs/import.md, "Code"): the reader kit
 * ({@code ingest.kit}: row events, problems, numbers, names, keys) at the bottom, one
 * package per format above it, each using only the kit, and the service
 * ({@code org.tally.ingest} itself: dispatch by format, staging, merge, history) on top,
 * the one place that knows every format.
 */
class IngestPackagesTests {

	private static final String KIT = "org.tally.ingest.kit..";

	private static final String[] FORMATS = { "org.tally.ingest.csv..", "org.tally.ingest.clarity..",
			"org.tally.ingest.nist..", "org.tally.ingest.ap..", "org.tally.ingest.rctab.." };

	private static final JavaClasses INGEST = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.tally.ingest");

	@Test
	void aFormatUsesOnlyTheKitTheDomainAndLibraries() {
		for (String format : FORMATS) {
			classes().that()
				.resideInAPackage(format)
				.should()
				.onlyDependOnClassesThat(resideInAnyPackage(format, KIT, "org.tally.results..")
					.or(resideOutsideOfPackage("org.tally..")))
				.check(INGEST);
		}
	}

	@Test
	void noFormatUsesAnother() {
		for (String format : FORMATS) {
			String[] others = Arrays.stream(FORMATS).filter((other) -> !other.equals(format)).toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(format)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.check(INGEST);
		}
	}

	@Test
	void theKitUsesNoFormatAndNotTheService() {
		noClasses().that()
			.resideInAPackage(KIT)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FORMATS)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.tally.ingest")
			.check(INGEST);
	}

	/** The service, the kit and each format as one slice each: no cycle among them. */
	@Test
	void theImportsPackagesAreFreeOfCycles() {
		slices().assignedFrom(new IngestPackages()).should().beFreeOfCycles().check(INGEST);
	}

	private static final class IngestPackages implements SliceAssignment {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String name = javaClass.getPackageName();
			if (name.equals("org.tally.ingest")) {
				return SliceIdentifier.of("ingest (the service)");
			}
			if (name.startsWith("org.tally.ingest.")) {
				return SliceIdentifier.of("ingest." + name.substring("org.tally.ingest.".length()).split("\\.")[0]);
			}
			return SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "the packages of org.tally.ingest";
		}

	}

}

package org.tally;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Guards the layout of STYLE.md: features use {@code results}; {@code results} uses none
 * of them, and its arithmetic knows nothing of Spring or the web.
 */
class ArchitectureTests {

	private static final JavaClasses TALLY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.tally");

	@Test
	void resultsDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("org.tally.results..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.tally.ingest..", "org.tally.feed..", "org.tally.web..", "org.tally.staff..",
					"org.tally.system..")
			.check(TALLY);
	}

	@Test
	void resultsHasNoWebCode() {
		noClasses().that()
			.resideInAPackage("org.tally.results..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.thymeleaf..")
			.check(TALLY);
	}

	@Test
	void arithmeticIsPlainJava() {
		noClasses().that()
			.haveSimpleNameStartingWith("Percentages")
			.or()
			.haveSimpleName("Outcome")
			.or()
			.haveSimpleName("Margin")
			.or()
			.haveSimpleName("ReportingProgress")
			.or()
			.haveSimpleName("ContestResults")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
			.check(TALLY);
	}

	@Test
	void featuresDoNotReachIntoEachOther() {
		noClasses().that()
			.resideInAnyPackage("org.tally.feed..", "org.tally.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.tally.staff..", "org.tally.ingest..")
			.check(TALLY);
	}

}

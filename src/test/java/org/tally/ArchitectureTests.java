package org.tally;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.tally.results.Margin;
import org.tally.results.Percentages;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Guards the package layout (README, "Code layout"): features use {@code results};
 * {@code results} uses none of them, and its arithmetic knows nothing of Spring or the
 * web.
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

	/**
	 * The shared kernel ({@code org.tally.kernel}) uses no other module and no web code,
	 * so every module may use it.
	 */
	@Test
	void kernelUsesNoModuleAndNoWebCode() {
		noClasses().that()
			.resideInAPackage("org.tally.kernel..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.tally.results..", "org.tally.ingest..", "org.tally.feed..", "org.tally.web..",
					"org.tally.staff..", "org.tally.system..", "org.tally.replay..", "org.tally.demo..",
					"org.springframework.web..", "jakarta.servlet..", "org.thymeleaf..")
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

	/**
	 * One source for every number (docs/contract.md §2): rounding, percentages, leaders
	 * and margins are computed in {@code results}; the surfaces only format them.
	 */
	@Test
	void noRoundingOrPercentageArithmeticOutsideResults() {
		noClasses().that()
			.resideInAnyPackage("org.tally.web..", "org.tally.feed..", "org.tally.staff..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(RoundingMode.class, MathContext.class)
			.orShould()
			.callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(type(BigDecimal.class)))
				.and(JavaCall.Predicates.target(HasName.Predicates.nameMatching("divide|setScale|round|multiply"))))
			.orShould()
			.callMethod(Percentages.class, "tenthsOfPercent", long[].class)
			.orShould()
			.callMethod(Percentages.class, "share", long.class, long.class)
			.orShould()
			.callMethod(Margin.class, "of", long[].class)
			.because("results computes every number once; web, feed and staff only format it")
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

package org.tally;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The modules are the packages directly under {@code org.tally}, each with its
 * subpackages: no cycle among them, and each uses only the modules declared here (README,
 * "Code layout"; {@code config/package-deps.sh} lists what they use now). The one class
 * of {@code org.tally} itself, {@code TallyApplication}, is the composition root: it is
 * in no module and no module uses it.
 */
class ModuleTests {

	private static final JavaClasses TALLY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.tally");

	@Test
	void modulesAreFreeOfCycles() {
		slices().matching("org.tally.(*)..").should().beFreeOfCycles().check(TALLY);
	}

	/**
	 * The application's root package uses modules (it starts them) and no module uses it:
	 * a setting read by a module is the kernel's ({@code kernel.TallyProperties}), so no
	 * cycle passes through the root.
	 */
	@Test
	void noModuleUsesTheRootPackage() {
		noClasses().that()
			.resideInAPackage("org.tally..")
			.and()
			.resideOutsideOfPackage("org.tally")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.tally")
			.check(TALLY);
	}

	/**
	 * Not only the modules: no two packages at any depth use each other, so a subpackage
	 * ({@code web.map}, {@code web.text}, {@code ingest.kit}) is a layer of its module.
	 */
	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("org.tally.(**)").should().beFreeOfCycles().check(TALLY);
	}

	@Test
	void modulesUseOnlyTheModulesTheyDeclare() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			// what every module shares: errors, audit, slugs, the NIST writer, the public
			// HTTP policy, telling a database outage from other failures
			.layer("kernel")
			.definedBy("org.tally.kernel..")
			// the domain and every number's arithmetic
			.layer("results")
			.definedBy("org.tally.results..")
			// reading files, the bulk write path, import history
			.layer("ingest")
			.definedBy("org.tally.ingest..")
			// sign-in, calls, concessions, setup, users and tokens
			.layer("staff")
			.definedBy("org.tally.staff..")
			// security, HTTP caching, web and database configuration
			.layer("system")
			.definedBy("org.tally.system..")
			// the public JSON API, caching, events
			.layer("feed")
			.definedBy("org.tally.feed..")
			// the pages
			.layer("web")
			.definedBy("org.tally.web..")
			// a revision chain replayed into a fresh election
			.layer("replay")
			.definedBy("org.tally.replay..")
			// the CA-34 demo seeded at start with tally.demo=true
			.layer("demo")
			.definedBy("org.tally.demo..")
			.whereLayer("kernel")
			.mayNotAccessAnyLayer()
			.whereLayer("results")
			.mayOnlyAccessLayers("kernel")
			.whereLayer("ingest")
			.mayOnlyAccessLayers("kernel", "results")
			.whereLayer("staff")
			.mayOnlyAccessLayers("kernel", "results")
			.whereLayer("system")
			.mayOnlyAccessLayers("kernel", "results", "staff")
			.whereLayer("feed")
			.mayOnlyAccessLayers("kernel", "results", "system")
			.whereLayer("web")
			.mayOnlyAccessLayers("kernel", "results", "system")
			.whereLayer("replay")
			.mayOnlyAccessLayers("kernel", "results", "ingest", "staff")
			.whereLayer("demo")
			.mayOnlyAccessLayers("kernel", "results", "ingest", "staff")
			.check(TALLY);
	}

}

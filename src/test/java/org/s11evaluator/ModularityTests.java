package org.s11evaluator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application's modules (one per top-level package under {@code org.s11evaluator}) depend on each other without
 * cycles, and only through each other's base packages (their public API) and named interfaces (such as
 * {@code rules.facts}), never through another module's internal sub-packages. The same structure is written to
 * {@code docs/modules/} (a canvas per module, PlantUML component diagrams), which is committed: a change of structure
 * shows in the diff. {@code ModularityFailureTests} shows the check failing.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(S11Application.class);

	@Test
	void theModulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
		MODULES.verify();
	}

	@Test
	void theModuleDocumentationIsWrittenToDocsModules() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation()
			.writeIndividualModulesAsPlantUml();
		org.assertj.core.api.Assertions.assertThat(java.nio.file.Path.of("docs/modules/components.puml")).isNotEmptyFile();
		org.assertj.core.api.Assertions.assertThat(java.nio.file.Path.of("docs/modules/module-evaluation.puml")).isNotEmptyFile();
	}

}

package org.s11evaluator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fixture.modules.FixtureApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The module check of {@link ModularityTests} can fail: on a small fixture application under {@code src/test/java}
 * ({@code fixture.modules}), whose module beta uses a class of module alpha's internal package, {@code verify()} throws
 * and names the class, the type reached into and the module.
 */
class ModularityFailureTests {

	@Test
	void aClassReachingIntoAnotherModulesInternalPackageFailsTheCheckNamingIt() {
		// the fixture lives among the test classes, which the check leaves out by default
		ApplicationModules fixture = ApplicationModules.of(FixtureApplication.class, (location) -> true);
		assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class)
			.hasMessageContaining("Module 'beta' depends on non-exposed type fixture.modules.alpha.internal.AlphaSecret within module 'alpha'")
			.hasMessageContaining("fixture.modules.beta.Beta");
	}

}

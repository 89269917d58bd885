package org.s11evaluator.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the evaluator finds rules/ and batch-config/, wherever it was started (issue 11). */
class ApplicationHomeTests {

	@TempDir
	Path temp;

	@Test
	void theHomeOptionWinsOverTheVariableAndTheWorkingFolder() throws IOException {
		Path given = home("given");
		Path variable = home("variable");
		Path working = home("working");

		ApplicationHome home = ApplicationHome.locate(given.toString(), variable.toString(), working, Optional.empty());

		assertThat(home.folder()).isEqualTo(given);
		assertThat(home.foundBy()).contains("--home");
	}

	@Test
	void theVariableIsUsedWhenNoOptionIsGiven() throws IOException {
		Path variable = home("variable");

		ApplicationHome home = ApplicationHome.locate(" ", variable.toString(), home("working"), Optional.empty());

		assertThat(home.folder()).isEqualTo(variable);
		assertThat(home.foundBy()).contains("S11_HOME");
	}

	@Test
	void aWorkingFolderThatHoldsTheRulesIsTheHome() throws IOException {
		Path working = home("working");

		ApplicationHome home = ApplicationHome.locate(null, null, working, Optional.of(home("installed")));

		assertThat(home.folder()).isEqualTo(working);
	}

	@Test
	void startedFromAnotherFolderTheHomeIsTheCheckoutOfTheJarInItsTargetFolder() throws IOException {
		// as cron starts it: cd /somewhere && java -jar /path/checkout/target/app.jar evaluate
		Path checkout = home("checkout");
		Path target = Files.createDirectories(checkout.resolve("target"));
		Path somewhere = Files.createDirectories(this.temp.resolve("somewhere"));

		ApplicationHome home = ApplicationHome.locate(null, null, somewhere, Optional.of(target));

		assertThat(home.folder()).isEqualTo(checkout);
		assertThat(home.foundBy()).contains("installed");
		assertThat(home.requireConfigFolder()).isEqualTo(checkout.resolve("batch-config"));
	}

	@Test
	void withNoHomeAnywhereTheCommandStopsNamingEveryFolderItLookedIn() throws IOException {
		Path somewhere = Files.createDirectories(this.temp.resolve("somewhere"));
		Path installed = Files.createDirectories(this.temp.resolve("opt/s11"));

		ApplicationHome home = ApplicationHome.locate(null, null, somewhere, Optional.of(installed));

		assertThatThrownBy(home::requireConfigFolder).isInstanceOf(ApplicationHomeException.class)
			.hasMessageContaining("No configuration folder: " + somewhere.resolve("batch-config") + " does not exist")
			.hasMessageContaining("looked for rules/ and batch-config/ in " + somewhere + " and " + installed)
			.hasMessageContaining("--home=DIR").hasMessageContaining("S11_HOME");
	}

	@Test
	void aHomeGivenThatDoesNotExistIsNamed() {
		Path missing = this.temp.resolve("no-such-home");

		ApplicationHome home = ApplicationHome.locate(null, missing.toString(), this.temp, Optional.empty());

		assertThatThrownBy(home::requireConfigFolder).isInstanceOf(ApplicationHomeException.class)
			.hasMessageContaining("The application home " + missing + " (the environment variable S11_HOME) does not exist");
	}

	@Test
	void aMissingRulesFolderStopsTheCommandNamingIt() throws IOException {
		Path folder = Files.createDirectories(this.temp.resolve("home/batch-config")).getParent();
		ApplicationHome home = ApplicationHome.locate(folder.toString(), null, this.temp, Optional.empty());

		assertThatThrownBy(() -> home.requireRulesFolder(Path.of("rules"))).isInstanceOf(ApplicationHomeException.class)
			.hasMessageContaining("No rules folder: " + folder.resolve("rules") + " does not exist");
	}

	@Test
	void aRulesFolderWithNoPackStopsTheCommandRatherThanEvaluatingNothing() throws IOException {
		Path folder = home("home");
		Files.createDirectories(folder.resolve("rules/common"));
		Files.writeString(folder.resolve("rules/README.md"), "rules");
		ApplicationHome home = ApplicationHome.locate(folder.toString(), null, this.temp, Optional.empty());

		assertThatThrownBy(() -> home.requireRulesFolder(Path.of("rules"))).isInstanceOf(ApplicationHomeException.class)
			.hasMessageContaining("The rules folder " + folder.resolve("rules") + " holds no rule pack")
			.hasMessageContaining("Nothing would be evaluated");
	}

	@Test
	void aRulesFolderWithAPackIsAccepted() throws IOException {
		Path folder = home("home");
		Files.createDirectories(folder.resolve("rules/pan-sussex"));
		Files.writeString(folder.resolve("rules/pan-sussex/framework.yaml"), "id: pan-sussex\n");
		ApplicationHome home = ApplicationHome.locate(folder.toString(), null, this.temp, Optional.empty());

		assertThat(home.requireRulesFolder(Path.of("rules"))).isEqualTo(folder.resolve("rules"));
	}

	@Test
	void relativeSettingsAreInsideTheHomeAndAbsoluteOnesStayPut() throws IOException {
		Path folder = home("home");
		ApplicationHome home = ApplicationHome.locate(folder.toString(), null, this.temp, Optional.empty());

		assertThat(home.resolve(Path.of("target/embedded-mariadb"))).isEqualTo(folder.resolve("target/embedded-mariadb"));
		assertThat(home.resolve(Path.of("/var/lib/s11/output"))).isEqualTo(Path.of("/var/lib/s11/output"));
	}

	private Path home(String name) throws IOException {
		Path folder = this.temp.resolve(name);
		Files.createDirectories(folder.resolve("batch-config"));
		Files.createDirectories(folder.resolve("rules"));
		return folder;
	}

}

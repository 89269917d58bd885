package org.s11evaluator.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseMissingReporterTests {

	@Test
	void aStartWithoutTheEmbeddedDatabaseIsReportedPlainlyWhereverSpringWrappedIt() {
		Throwable wrapped = new BeanCreationException("dataSource", "Error creating bean",
				new BeanCreationException("embeddedMariaDb", "Failed to instantiate", new EmbeddedDatabaseMissingException()));

		assertThat(new EmbeddedDatabaseMissingReporter(null).reportException(wrapped)).isTrue();
		assertThat(new EmbeddedDatabaseMissingException().getMessage()).contains("SPRING_DATASOURCE_URL", "spring-boot:run",
				"-Pembedded-database");
	}

	@Test
	void otherStartFailuresAreLeftToSpringBoot() {
		assertThat(new EmbeddedDatabaseMissingReporter(null).reportException(new IllegalStateException("something else"))).isFalse();
	}

	@Test
	void theTestsAndSpringBootRunHaveTheEmbeddedBinaryOnTheirClassPath() {
		// the repackaged jar leaves it out (pom.xml); the build's own class path keeps it, so tests and demo need nothing installed
		assertThat(EmbeddedMariaDb.binariesPresent()).isTrue();
	}

	@Test
	void startingWithoutTheBinaryFailsBeforeAnythingIsCreated() {
		// the jar without the binary, simulated by a class loader that has none
		ClassLoader none = new ClassLoader(null) {
		};
		assertThatThrownBy(() -> EmbeddedMariaDb.startWith(none, Path.of("target/never-created"), 0, "never", false))
			.isInstanceOf(EmbeddedDatabaseMissingException.class);
		assertThat(Path.of("target/never-created")).doesNotExist();
	}

}

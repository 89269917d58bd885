package org.s11evaluator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.s11evaluator.cycle.CycleManagement;
import org.s11evaluator.submission.SubmissionImport;


/** Opens the bundled sample cycles and imports their returns, through the real services. */

public class SampleCycles {

	private final CycleManagement cycles;

	private final SubmissionImport submissions;

	SampleCycles(CycleManagement cycles, SubmissionImport submissions) {
		this.cycles = cycles;
		this.submissions = submissions;
	}

	public void load() {
		try (Stream<Path> folders = Files.list(Path.of("samples"))) {
			for (Path folder : folders.filter((f) -> Files.exists(f.resolve("cycle.yaml"))).sorted().toList()) {
				String id = this.cycles.open(folder.resolve("cycle.yaml"));
				this.submissions.importPaths(List.of(folder.resolve("submissions")), Optional.of(id));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

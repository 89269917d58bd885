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

	/**
	 * The four sample cycles the existing tests count on (three partnerships, one pack each). The cycles with groups
	 * (barnet-2026: two templates; pan-sussex-2027: three partnerships) are loaded by their own tests ({@link #load(String...)}).
	 */
	static final List<String> SINGLE_TEMPLATE = List.of("barking-and-dagenham-2025", "pan-london-2012-havering-2024", "pan-sussex-2023",
			"pan-sussex-2025");

	public void load() {
		load(SINGLE_TEMPLATE.toArray(String[]::new));
	}

	/** Opens the named sample cycles (folders of samples/) and imports their returns. */
	public void load(String... names) {
		List<String> wanted = List.of(names);
		try (Stream<Path> folders = Files.list(Path.of("samples"))) {
			for (Path folder : folders.filter((f) -> Files.exists(f.resolve("cycle.yaml")))
				.filter((f) -> wanted.contains(f.getFileName().toString())).sorted().toList()) {
				String id = this.cycles.open(folder.resolve("cycle.yaml"));
				this.submissions.importPaths(List.of(folder.resolve("submissions")), Optional.of(id));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package org.s11evaluator.reporting;

import org.s11evaluator.files.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Names the files that make up one board summary ({@code summary.manifest.json}, written last): each file's
 * size and SHA-256, what the summary says (its content hash) and what it was built from (the inputs'
 * fingerprint), and when; for a closed cycle, the edition it shows ({@code editions/<n>/}). A summary is to be trusted only if its manifest exists and every file matches it;
 * a folder whose files do not (a write killed midway, a full disk, a file edited or emptied) is written again.
 */
record SummaryManifest(String format, String cycleId, LocalDate asOf, Instant generatedAt, String contentHash, String inputsFingerprint,
		List<File> files, Integer edition) {

	static final String NAME = "summary.manifest.json";

	static final String FORMAT = "s11-summary-manifest/1";

	/** The files of a summary, in the order they are written. */
	static final List<String> FILES = List.of("summary.html", "summary.pdf", "summary.json", "register-of-returns.csv",
			"improvement-plan.csv");

	/** One file of the set. */
	record File(String name, long size, String sha256) {
	}

	SummaryManifest withInputsFingerprint(String fingerprint) {
		return new SummaryManifest(this.format, this.cycleId, this.asOf, this.generatedAt, this.contentHash, fingerprint, this.files, this.edition);
	}

	/** The manifest in the folder, or a reason why there is none to trust. */
	static Read read(Path folder, ObjectMapper json) {
		Path file = folder.resolve(NAME);
		try {
			SummaryManifest manifest = json.readValue(file.toFile(), SummaryManifest.class);
			return FORMAT.equals(manifest.format()) ? new Read(manifest, List.of())
					: new Read(null, List.of(NAME + " is of an unknown format " + manifest.format()));
		}
		catch (NoSuchFileException | java.io.FileNotFoundException ex) {
			return new Read(null, List.of("no " + NAME + " (never written, or its writing stopped midway)"));
		}
		catch (IOException ex) {
			return new Read(null, List.of(NAME + " cannot be read: " + ex.getMessage()));
		}
	}

	/** What is wrong with the files on disk against this manifest; empty when every file matches. */
	List<String> problems(Path folder) {
		return problems(folder, null);
	}

	/** As {@link #problems(Path)}, not reading again a file {@code verified} read before and that has not changed since. */
	List<String> problems(Path folder, VerifiedFiles verified) {
		List<String> problems = new ArrayList<>();
		Set<String> named = this.files.stream().map(File::name).collect(Collectors.toCollection(TreeSet::new));
		FILES.stream().filter((name) -> !named.contains(name)).forEach((name) -> problems.add(name + " is not in the manifest"));
		for (File expected : this.files) {
			Path file = folder.resolve(expected.name());
			if (Files.exists(file) && !Files.isRegularFile(file)) {
				problems.add(expected.name() + " is not a file (a folder of that name is in the way)");
				continue;
			}
			try {
				long size = Files.size(file);
				if (size == 0 || size != expected.size()) {
					problems.add(expected.name() + " is " + size + " bytes, the manifest says " + expected.size());
				}
				else if (!((verified != null) ? verified.sha256(file) : sha256(file)).equals(expected.sha256())) {
					problems.add(expected.name() + " does not match its SHA-256 in the manifest");
				}
			}
			catch (IOException ex) {
				problems.add(expected.name() + " is missing or unreadable");
			}
		}
		return problems;
	}

	/** A manifest read from disk, or why not. */
	record Read(SummaryManifest manifest, List<String> problems) {
	}

	static String sha256(Path file) throws IOException {
		return ContentHash.of(file);
	}

}

package org.s11evaluator.submission;

import java.util.ArrayList;
import java.util.List;

/** What an import did with each file. */
public final class ImportReport {

	/** What happened to one file. */
	public enum Outcome {

		IMPORTED("imported"), REPLACED("replaced an earlier version"), UNCHANGED("unchanged, already imported"),
		OLDER("not applied: older than the version already imported"), REJECTED("rejected");

		private final String description;

		Outcome(String description) {
			this.description = description;
		}

		public String description() {
			return this.description;
		}

	}

	/**
	 * One file's result: the problems that rejected it, and warnings that did not (such as a return from an
	 * agency the cycle does not expect).
	 */
	public record FileResult(String source, Outcome outcome, String cycleId, String agencyId, List<ImportProblem> problems,
			List<String> warnings) {

		public FileResult(String source, Outcome outcome, String cycleId, String agencyId, List<ImportProblem> problems) {
			this(source, outcome, cycleId, agencyId, problems, List.of());
		}

	}

	private final List<FileResult> files = new ArrayList<>();

	void add(FileResult result) {
		this.files.add(result);
	}

	public List<FileResult> files() {
		return List.copyOf(this.files);
	}

	public long count(Outcome outcome) {
		return this.files.stream().filter((file) -> file.outcome() == outcome).count();
	}

}

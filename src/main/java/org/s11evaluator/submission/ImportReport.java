package org.s11evaluator.submission;

import java.util.ArrayList;
import java.util.List;

import org.s11evaluator.logging.LogValues;

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

	/**
	 * The report as the {@code import} command prints it: the counts, then each rejected file with every reason,
	 * each file imported with a flag (such as a return from an agency the cycle does not expect), and each older
	 * version not applied. {@code what} names what was imported (a file, a folder, or "3 paths").
	 */
	private static String count(int n, String what) {
		return n + " " + what + ((n == 1) ? "" : "s");
	}

	public List<String> lines(String what) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format("Imported %s: %d new, %d replaced, %d unchanged, %d older (not applied), %d rejected", what,
				count(Outcome.IMPORTED), count(Outcome.REPLACED), count(Outcome.UNCHANGED), count(Outcome.OLDER), count(Outcome.REJECTED)));
		long flagged = this.files.stream().filter((file) -> !file.warnings().isEmpty()).count();
		if (flagged > 0) {
			lines.add(String.format("  %d file(s) imported with a flag, listed below as FLAGGED", flagged));
		}
		// each reason and flag is logged once, one line each, by SubmissionImport ("Rejected <file>: <reason>", just
		// above): here the file and how many
		for (FileResult file : this.files) {
			if (file.outcome() == Outcome.REJECTED) {
				lines.add("  REJECTED " + LogValues.escape(file.source()) + ": " + count(file.problems().size(), "reason")
						+ ", logged above");
			}
			else if (!file.warnings().isEmpty()) {
				lines.add("  FLAGGED " + LogValues.escape(file.source()) + " (" + file.outcome().description() + "): "
						+ count(file.warnings().size(), "flag") + ", logged above");
			}
			else if (file.outcome() == Outcome.OLDER) {
				lines.add("  " + LogValues.escape(file.source()) + ": " + file.outcome().description());
			}
		}
		return lines;
	}

}

package org.s11evaluator.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack that cannot be used, with every problem found in it. */
public class RulePackException extends RuntimeException {

	private final String packId;

	private final List<RuleProblem> problems;

	public RulePackException(String packId, List<RuleProblem> problems) {
		// the first line says it all for a one-line report (a run's skip reasons, a log line): the pack, the first
		// problem at its file and line, and how many more follow
		super("Rule pack '" + packId + "' cannot be used: " + (problems.isEmpty() ? "no reason was given" : problems.get(0))
				+ ((problems.size() > 1) ? " (and " + (problems.size() - 1) + " more problem" + ((problems.size() > 2) ? "s" : "")
						+ ", listed below)" : "")
				+ (problems.size() > 1 ? "\n" + problems.stream().map((problem) -> "  " + problem).collect(Collectors.joining("\n")) : ""));
		this.packId = packId;
		this.problems = List.copyOf(problems);
	}

	/** For a pack that cannot be used for a reason one line says best (it went past a budget, say). */
	protected RulePackException(String message, String packId, List<RuleProblem> problems) {
		super(message);
		this.packId = packId;
		this.problems = List.copyOf(problems);
	}

	public String packId() {
		return this.packId;
	}

	public List<RuleProblem> problems() {
		return this.problems;
	}

}

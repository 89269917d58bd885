package org.s11evaluator.survey;

import java.util.List;

/** A survey export that was not imported, with every problem found, each at its file, line and column. */
public class SurveyImportException extends RuntimeException {

	private final List<String> problems;

	public SurveyImportException(List<String> problems) {
		super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems; nothing was imported:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}

package org.s11evaluator.publication;

import java.util.List;

/** Closing (or reopening) a cycle was refused, with every reason; nothing about the cycle changed. */
public class CycleNotClosed extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> reasons;

	CycleNotClosed(String message, List<String> reasons) {
		super(message + (reasons.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", reasons)));
		this.reasons = List.copyOf(reasons);
	}

	public List<String> reasons() {
		return this.reasons;
	}

}

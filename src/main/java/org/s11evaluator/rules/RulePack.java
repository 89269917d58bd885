package org.s11evaluator.rules;

import java.util.List;

/**
 * A partnership's rule pack as read from {@code rules/<id>/}: its framework, its rule files and its version,
 * a SHA-256 of the content of every file that decides results.
 */
public record RulePack(String id, Framework framework, List<RuleFile> ruleFiles, String version) {

	public RulePack {
		ruleFiles = List.copyOf(ruleFiles);
	}

	/** First 12 characters of the version, enough to tell versions apart in reports. */
	public String shortVersion() {
		return this.version.substring(0, 12);
	}

	/** A DRL file of the pack: its path relative to the rules folder, and its text. */
	public record RuleFile(String name, String content) {
	}

}

package org.s11evaluator.rules;

import java.util.List;
import java.util.Map;

/**
 * A partnership's rule pack as read from {@code rules/<id>/} on top of the baseline in {@code rules/common/}:
 * its framework, its rule files and the baseline's, the policy values in force, and its version, a SHA-256 of
 * the content of every file that decides results.
 */
public record RulePack(String id, Framework framework, List<RuleFile> ruleFiles, Map<String, PolicyValue> policyValues,
		String version) {

	/** The DRL package of baseline rule files. */
	public static final String BASELINE_PACKAGE = "rules.common";

	public RulePack {
		ruleFiles = List.copyOf(ruleFiles);
		policyValues = Map.copyOf(policyValues);
	}

	/**
	 * A policy value and where it is set (the pack's values file, or the baseline's); for a list, the line of each of
	 * its entries, so a wrong entry is reported where it is.
	 */
	public record PolicyValue(String value, String file, int line, List<Integer> itemLines) {

		public PolicyValue {
			itemLines = (itemLines != null) ? List.copyOf(itemLines) : List.of();
		}

		public PolicyValue(String value, String file, int line) {
			this(value, file, line, List.of());
		}

	}

	/** The values rules read, as the fact they see. */
	public org.s11evaluator.rules.facts.PolicyValues values() {
		Map<String, String> values = new java.util.HashMap<>();
		this.policyValues.forEach((name, value) -> values.put(name, value.value()));
		return new org.s11evaluator.rules.facts.PolicyValues(values);
	}

	/** First 12 characters of the version, enough to tell versions apart in reports. */
	public String shortVersion() {
		return this.version.substring(0, 12);
	}

	/** A DRL file of the pack: its path relative to the rules folder, and its text. */
	public record RuleFile(String name, String content) {

		public boolean baseline() {
			return this.name.startsWith(RulePacks.BASELINE + "/");
		}

	}

}

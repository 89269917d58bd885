package org.s11evaluator.rules.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The policy values in force for a pack (its {@code policy-values.yaml} over the baseline's), which rules read
 * instead of writing numbers into conditions: {@code $v.months("follow-up.months.red")}.
 */
public record PolicyValues(Map<String, String> values) implements Fact {

	public PolicyValues {
		values = Map.copyOf(values);
	}

	public int months(String key) {
		return integer(key);
	}

	public int integer(String key) {
		String value = text(key);
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("policy value " + key + " is \"" + value + "\": it must be a whole number");
		}
	}

	public Fraction share(String key) {
		return Fraction.parse(text(key));
	}

	/** A list value, such as {@code evidence.required.standards: [6, 9]}, as texts. */
	public List<String> list(String key) {
		String value = text(key).strip();
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((v) -> !v.isEmpty()).toList();
	}

	public boolean listed(String key, String value) {
		return list(key).contains(value);
	}

	public String text(String key) {
		String value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("policy value " + key + " is not set in policy-values.yaml (values set: "
					+ this.values.keySet().stream().sorted().toList() + ")");
		}
		return value;
	}

	@Override
	public String summary() {
		return "PolicyValues" + new java.util.TreeMap<>(this.values);
	}

}

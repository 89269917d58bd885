package org.s11evaluator.cycle;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a cycle does with a return from an agency that is not on its list of expected agencies
 * ({@code unexpectedAgencies:} in {@code cycle.yaml}): import it and flag it in the import report and the
 * register of returns (the default, since a new agency may simply be missing from the list), or reject it.
 */
public enum UnexpectedAgencies {

	ACCEPT, REJECT;

	@JsonCreator
	static UnexpectedAgencies of(String value) {
		for (UnexpectedAgencies choice : values()) {
			if (choice.name().equalsIgnoreCase(value.strip())) {
				return choice;
			}
		}
		throw new IllegalArgumentException("unexpectedAgencies must be accept or reject, not \"" + value + "\"");
	}

	@JsonValue
	String yaml() {
		return name().toLowerCase(Locale.ROOT);
	}

}

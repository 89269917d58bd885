package org.s11evaluator.cycle;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a run covers, as written in {@code batch-config/schedule.yml}, on the command line and in the job's
 * {@code cycle} parameter: {@code *} every open cycle; {@code partnerships:a,b} the open cycles of those
 * partnerships; anything else one cycle's id. Each reading of a scope, in SQL or in words, comes from here.
 */
public final class RunScope {

	public static final String ALL_OPEN_CYCLES = "*";

	private static final String PARTNERSHIPS = "partnerships:";

	private RunScope() {
	}

	/** The partnerships a {@code partnerships:} scope names; empty for other scopes. */
	public static List<String> partnerships(String scope) {
		if (scope == null || !scope.startsWith(PARTNERSHIPS)) {
			return List.of();
		}
		return Arrays.stream(scope.substring(PARTNERSHIPS.length()).split(",")).map(String::strip).filter((p) -> !p.isEmpty()).toList();
	}

	/**
	 * A problem with the scope as written, or null: a {@code partnerships:} scope must name at least one, and every
	 * id must be one ({@link IdFormat}).
	 */
	public static String problem(String scope) {
		if (scope == null || scope.isBlank()) {
			return "must be \"*\" (every open cycle), a cycle id, or \"partnerships:\" and partnership ids separated by commas";
		}
		if (ALL_OPEN_CYCLES.equals(scope)) {
			return null;
		}
		if (!scope.startsWith(PARTNERSHIPS)) {
			return IdFormat.CYCLE.problem(scope);
		}
		if (partnerships(scope).isEmpty()) {
			return "names no partnership: write \"partnerships:\" and ids separated by commas, such as \"partnerships:pan-sussex,havering\"";
		}
		return partnerships(scope).stream().map(IdFormat.PARTNERSHIP::problem).filter(java.util.Objects::nonNull).findFirst().orElse(null);
	}

	/**
	 * A condition on an audit cycle's columns ({@code <alias>.id}, {@code .status}, {@code .partnership_id})
	 * selecting the scope's open cycles (a closed cycle is never in a run's scope, even named), with its named parameters ({@code :scopeCycle}, {@code :scopePartnerships}).
	 */
	public static String sql(String scope, String cycleAlias, Map<String, Object> parameters) {
		String column = (cycleAlias == null || cycleAlias.isEmpty()) ? "" : cycleAlias + ".";
		if (ALL_OPEN_CYCLES.equals(scope)) {
			return column + "status = 'OPEN'";
		}
		List<String> partnerships = partnerships(scope);
		if (!partnerships.isEmpty()) {
			parameters.put("scopePartnerships", partnerships);
			return column + "status = 'OPEN' and " + column + "partnership_id in (:scopePartnerships)";
		}
		parameters.put("scopeCycle", scope);
		// a closed cycle's record is final: no run evaluates, rates or summarises it, even when named
		return column + "id = :scopeCycle and " + column + "status = 'OPEN'";
	}

	/** The scope in words, for logs and reports. */
	public static String describe(String scope) {
		if (ALL_OPEN_CYCLES.equals(scope)) {
			return "every open cycle";
		}
		List<String> partnerships = partnerships(scope);
		return partnerships.isEmpty() ? "cycle " + scope : "the open cycles of " + String.join(", ", partnerships);
	}

}

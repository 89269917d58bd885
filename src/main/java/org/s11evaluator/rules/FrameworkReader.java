package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.yaml.LimitedYaml;

/** Reads and checks a {@code framework.yaml}, reporting problems by file and line. */
class FrameworkReader {

	private final ObjectMapper yaml = LimitedYaml.mapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addHandler(new UnknownFieldAtItsLine());

	Framework read(String fileName, String text, String packId) {
		Framework framework;
		try {
			framework = this.yaml.readValue(text, Framework.class);
		}
		catch (UnknownFieldAtItsLine.UnknownField ex) {
			throw unknownField(packId, fileName, text, ex);
		}
		catch (JsonProcessingException ex) {
			if (ex.getCause() instanceof UnknownFieldAtItsLine.UnknownField unknown) {
				throw unknownField(packId, fileName, text, unknown);
			}
			JsonLocation location = ex.getLocation();
			int line = (location != null) ? location.getLineNr() : 0;
			int column = (location != null) ? location.getColumnNr() : 0;
			throw new RulePackException(packId, List.of(new RuleProblem(fileName, line, column,
					"the framework file is not valid: " + ex.getOriginalMessage())));
		}
		List<RuleProblem> problems = check(fileName, framework, packId);
		if (!problems.isEmpty()) {
			throw new RulePackException(packId, problems);
		}
		return framework;
	}

	/** Records are read from replayed tokens without a location: then the key's first use in the text tells. */
	private static RulePackException unknownField(String packId, String fileName, String text, UnknownFieldAtItsLine.UnknownField ex) {
		int line = ex.line;
		int column = ex.column;
		if (line <= 0) {
			java.util.regex.Matcher key = java.util.regex.Pattern
				.compile("(^|[\\s{,-])(" + java.util.regex.Pattern.quote(ex.field) + ")\\s*:", java.util.regex.Pattern.MULTILINE)
				.matcher(text);
			if (key.find()) {
				line = (int) text.substring(0, key.start(2)).chars().filter((c) -> c == '\n').count() + 1;
				column = key.start(2) - text.lastIndexOf('\n', key.start(2) - 1);
			}
		}
		return new RulePackException(packId, List.of(new RuleProblem(fileName, Math.max(line, 0), Math.max(column, 0), ex.getMessage())));
	}

	private List<RuleProblem> check(String fileName, Framework framework, String packId) {
		List<RuleProblem> problems = new ArrayList<>();
		if (framework == null || framework.partnership() == null || framework.partnership().id() == null) {
			problems.add(new RuleProblem(fileName, 0, 0, "'partnership.id' is missing"));
			return problems;
		}
		if (!packId.equals(framework.partnership().id())) {
			problems.add(new RuleProblem(fileName, 0, 0, "'partnership.id' is '" + framework.partnership().id()
					+ "' but the pack folder is '" + packId + "': they must be the same"));
		}
		if (framework.scale() == null || framework.scale().levels().isEmpty()) {
			problems.add(new RuleProblem(fileName, 0, 0, "'scale.levels' must list at least one rating"));
		}
		if (framework.standards().isEmpty()) {
			problems.add(new RuleProblem(fileName, 0, 0, "'standards' must list at least one standard"));
		}
		Set<String> standardIds = new HashSet<>();
		Set<String> itemIds = new HashSet<>();
		for (Framework.Standard standard : framework.standards()) {
			if (standard.id() == null || !standardIds.add(standard.id())) {
				problems.add(new RuleProblem(fileName, 0, 0, "standard id '" + standard.id() + "' is missing or repeated"));
			}
			if (standard.items().isEmpty()) {
				problems.add(new RuleProblem(fileName, 0, 0, "standard '" + standard.id() + "' has no items"));
			}
			for (Framework.Item item : standard.items()) {
				if (item.id() == null || !itemIds.add(item.id())) {
					problems.add(new RuleProblem(fileName, 0, 0,
							"item id '" + item.id() + "' in standard '" + standard.id() + "' is missing or repeated"));
				}
			}
		}
		return problems;
	}

}

package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.s11evaluator.yaml.LimitedYaml;

/** Reads and checks a {@code framework.yaml}, reporting problems by file and line. */
class FrameworkReader {

	private final ObjectMapper yaml = LimitedYaml.reader()
		.addHandler(new UnknownFieldAtItsLine());

	Framework read(String fileName, String text, String packId) {
		Framework framework;
		try {
			framework = this.yaml.readValue(text, Framework.class);
		}
		catch (UnknownFieldAtItsLine.UnknownField | JsonProcessingException ex) {
			throw new RulePackException(packId, List.of(YamlProblems.of(fileName, text, ex)));
		}
		List<RuleProblem> problems = check(fileName, text, framework, packId);
		if (!problems.isEmpty()) {
			throw new RulePackException(packId, problems);
		}
		return framework;
	}

	private List<RuleProblem> check(String fileName, String text, Framework framework, String packId) {
		List<RuleProblem> problems = new ArrayList<>();
		if (framework == null || framework.partnership() == null || framework.partnership().id() == null) {
			problems.add(new RuleProblem(fileName, 0, 0, "'partnership.id' is missing"));
			return problems;
		}
		if (!packId.equals(framework.partnership().id())) {
			problems.add(new RuleProblem(fileName, idLine(text, framework.partnership().id(), 1), 0, "'partnership.id' is '" + framework.partnership().id()
					+ "' but the pack folder is '" + packId + "': they must be the same"));
		}
		if (framework.scale() == null || framework.scale().levels().isEmpty()) {
			problems.add(new RuleProblem(fileName, 0, 0, "'scale.levels' must list at least one rating"));
		}
		if (!framework.levels().groupsRated() && !Framework.Levels.LINES.equals(framework.levels().ratedAt())) {
			problems.add(new RuleProblem(fileName, keyLine(text, "rated-at", framework.levels().ratedAt()), 0, "'levels.rated-at' is '" + framework.levels().ratedAt()
					+ "': it must be 'lines' (the partnership rule rates each " + framework.levels().line() + ") or 'groups-and-lines' (it rates each "
					+ framework.levels().group() + " too)"));
		}
		for (Framework.Level level : (framework.scale() != null) ? framework.scale().levels() : List.<Framework.Level>of()) {
			if (level.rag() != null && !List.of("green", "amber", "red").contains(level.rag())) {
				problems.add(new RuleProblem(fileName, keyLine(text, "rag", level.rag()), 0, "scale level '" + level.code() + "' has 'rag: " + level.rag()
						+ "': it must be green, amber or red, or left out for a level without a colour"));
			}
		}
		if (framework.standards().isEmpty()) {
			problems.add(new RuleProblem(fileName, 0, 0, "'standards' must list at least one standard"));
		}
		Set<String> standardIds = new HashSet<>();
		Set<String> itemIds = new HashSet<>();
		for (Framework.Standard standard : framework.standards()) {
			if (standard.id() == null || !standardIds.add(standard.id())) {
				problems.add(new RuleProblem(fileName, idLine(text, standard.id(), 2), 0, "standard id '" + standard.id() + "' is missing or repeated"));
			}
			if (standard.items().isEmpty()) {
				problems.add(new RuleProblem(fileName, 0, 0, "standard '" + standard.id() + "' has no items"));
			}
			for (Framework.Item item : standard.items()) {
				if (item.id() == null || !itemIds.add(item.id())) {
					problems.add(new RuleProblem(fileName, idLine(text, item.id(), 2), 0,
							"item id '" + item.id() + "' in standard '" + standard.id() + "' is missing or repeated"));
				}
			}
		}
		return problems;
	}

	/** The first line where {@code key: value} is written (in block or flow style), or 0. */
	private static int keyLine(String text, String key, String value) {
		java.util.regex.Pattern written = java.util.regex.Pattern.compile("(^|[\\s{,])" + java.util.regex.Pattern.quote(key) + "\\s*:\\s*[\"']?"
				+ java.util.regex.Pattern.quote(value));
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (written.matcher(lines[i]).find()) {
				return i + 1;
			}
		}
		return 0;
	}

	/** The line where {@code id: value} is written for the n-th time (the repeat of a repeated id), or 0. */
	private static int idLine(String text, String id, int occurrence) {
		if (id == null) {
			return 0;
		}
		java.util.regex.Matcher written = java.util.regex.Pattern
			.compile("(^|[\\s{,-])id\\s*:\\s*[\"']?" + java.util.regex.Pattern.quote(id) + "[\"']?\\s*($|[,}#])", java.util.regex.Pattern.MULTILINE)
			.matcher(text);
		for (int found = 1; written.find(); found++) {
			if (found == occurrence) {
				return (int) text.substring(0, written.start()).chars().filter((c) -> c == '\n').count() + 1
						+ (text.charAt(written.start()) == '\n' ? 1 : 0);
			}
		}
		return 0;
	}

}

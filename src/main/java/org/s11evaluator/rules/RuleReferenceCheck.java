package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds item and standard ids a rule file names that its framework does not have, such as
 * {@code ItemResponse(standardId == "10")} in a pack of nine standards: Drools compiles such a rule happily
 * and it silently never fires.
 */
class RuleReferenceCheck {

	private static final Pattern REFERENCE = Pattern.compile("\\b(itemId|standardId|id)\\s*(==|!=)\\s*\"([^\"]*)\"");

	List<RuleProblem> check(RulePack pack) {
		Set<String> items = pack.framework().itemsById().keySet();
		Set<String> standards = pack.framework().standards().stream().map(Framework.Standard::id).collect(Collectors.toSet());
		List<RuleProblem> problems = new ArrayList<>();
		for (RulePack.RuleFile file : pack.ruleFiles()) {
			String text = file.content();
			String code = DrlText.blankStringsAndComments(text);
			Matcher reference = REFERENCE.matcher(text);
			while (reference.find()) {
				if (code.charAt(reference.start()) == ' ') {
					continue; // inside a comment or a message
				}
				String field = reference.group(1);
				String value = reference.group(3);
				boolean known = field.equals("standardId") ? standards.contains(value)
						: field.equals("itemId") ? items.contains(value) : items.contains(value) || standards.contains(value);
				if (!known) {
					int line = lineOf(text, reference.start());
					String what = field.equals("standardId") ? "standard" : "item";
					problems.add(new RuleProblem(file.name(), line, reference.start(3) - text.lastIndexOf('\n', reference.start()),
							what + " \"" + value + "\" is not in " + pack.id() + "/framework.yaml, so this condition can never match"
									+ RulePackCompiler.ruleAt(text, line) + " (" + what + "s: " + sample(field.equals("standardId") ? standards : items) + ")"
									+ DidYouMean.hint(value, field.equals("standardId") ? standards : field.equals("itemId") ? items : union(items, standards))));
				}
			}
		}
		return problems;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> both = new java.util.TreeSet<>(a);
		both.addAll(b);
		return both;
	}

	private static String sample(Set<String> ids) {
		List<String> sorted = ids.stream().sorted(java.util.Comparator.comparing(ItemIds::sortKey)).toList();
		return (sorted.size() <= 12) ? String.join(", ", sorted) : sorted.get(0) + " to " + sorted.get(sorted.size() - 1);
	}

	private static int lineOf(String text, int offset) {
		return (int) text.substring(0, offset).chars().filter((c) -> c == '\n').count() + 1;
	}


}

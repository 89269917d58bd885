package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.s11evaluator.rules.facts.Fraction;

/**
 * Checks the policy values the rules read: every value a rule asks for is set (reported at the rule's line),
 * and every value has the form the rule reads it in, a whole number or a share (reported at the value's line).
 */
class PolicyValueCheck {

	private static final Pattern READ = Pattern.compile("\\.(months|integer|share|list|listed|text)\\(\\s*\"([^\"]+)\"");

	List<RuleProblem> check(RulePack pack) {
		List<RuleProblem> problems = new ArrayList<>();
		for (RulePack.RuleFile file : pack.ruleFiles()) {
			String text = file.content();
			String code = DrlText.blankStringsAndComments(text);
			Matcher read = READ.matcher(text);
			while (read.find()) {
				if (code.charAt(read.start()) == ' ') {
					continue; // in a comment or a message
				}
				String name = read.group(2);
				RulePack.PolicyValue value = pack.policyValues().get(name);
				int line = (int) text.substring(0, read.start()).chars().filter((c) -> c == '\n').count() + 1;
				if (value == null) {
					problems.add(new RuleProblem(file.name(), line, 0, "the rule reads policy value '" + name + "', which no policy-values.yaml sets"
							+ RulePackCompiler.ruleAt(text, line) + " (values set: " + pack.policyValues().keySet().stream().sorted().toList() + ")"
							+ DidYouMean.hint(name, pack.policyValues().keySet())));
					continue;
				}
				String problem = formProblem(read.group(1), value.value());
				if (problem != null) {
					problems.add(new RuleProblem(value.file(), value.line(), 0, "'" + name + "' is \"" + value.value() + "\": " + problem
							+ " (read by " + file.name() + ":" + line + ")"));
				}
			}
		}
		return problems.stream().distinct().toList();
	}

	private static String formProblem(String reader, String value) {
		if (reader.equals("months") || reader.equals("integer")) {
			try {
				if (Integer.parseInt(value.strip()) < 0) {
					return "it must not be negative";
				}
				return null;
			}
			catch (NumberFormatException ex) {
				return "it must be a whole number, such as 3";
			}
		}
		if (reader.equals("share")) {
			try {
				Fraction.parse(value);
				return null;
			}
			catch (IllegalArgumentException ex) {
				return "it must be a share between 0 and 1, written as a fraction such as 1/3 or a percentage such as 20%";
			}
		}
		return null;
	}

}

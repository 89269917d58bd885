package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the ids in policy-value lists against the framework: a list whose name ends in {@code .standards} (such as
 * {@code evidence.required.standards}) names standards, one ending in {@code .items} names items. A rule asks
 * whether an id is listed, so an id the framework lacks ("9.9" for 9) silently switches the rule off for it.
 */
final class PolicyListCheck {

	List<RuleProblem> check(RulePack pack) {
		Set<String> standards = new TreeSet<>(pack.framework().standards().stream().map(Framework.Standard::id).toList());
		Set<String> items = new TreeSet<>(pack.framework().itemsById().keySet());
		List<RuleProblem> problems = new ArrayList<>();
		for (Map.Entry<String, RulePack.PolicyValue> entry : new java.util.TreeMap<>(pack.policyValues()).entrySet()) {
			String name = entry.getKey();
			RulePack.PolicyValue value = entry.getValue();
			boolean ofStandards = name.endsWith(".standards");
			if ((!ofStandards && !name.endsWith(".items")) || !value.value().startsWith("[")) {
				continue;
			}
			Set<String> known = ofStandards ? standards : items;
			String what = ofStandards ? "standard" : "item";
			List<String> listed = pack.values().list(name);
			for (int i = 0; i < listed.size(); i++) {
				String id = listed.get(i);
				if (!known.contains(id)) {
					int line = (i < value.itemLines().size()) ? value.itemLines().get(i) : value.line();
					problems.add(new RuleProblem(value.file(), line, 0, what + " \"" + id + "\" is not in the framework (" + pack.id() + "/"
							+ RulePacks.FRAMEWORK_FILE + ")" + DidYouMean.hint(id, known) + " ('" + name + "' lists " + what
							+ "s; a rule reading it never applies to one the framework does not have)"));
				}
			}
		}
		return problems;
	}

}

package org.s11evaluator.rules;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.kie.api.definition.rule.Rule;

/** Prints a pack's effective policy in plain English: what applies, where it comes from, the values in force. */
final class RulePackExplanation {

	private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

	private RulePackExplanation() {
	}

	static void print(RulePackCompiler.CompiledPack compiled, PrintStream out) {
		RulePack pack = compiled.pack();
		Framework framework = pack.framework();
		out.println("Rule pack " + pack.id() + ": " + framework.partnership().name()
				+ ((framework.partnership().covers() != null) ? " (" + framework.partnership().covers() + ")" : ""));
		out.println("Version " + pack.version());
		if (framework.source() != null) {
			out.println("Built from: " + framework.source());
		}
		out.println("Framework: " + framework.standards().size() + " standards, " + framework.itemCount() + " items. Scale: "
				+ framework.scale().levels().stream().map((l) -> l.code() + " (" + l.label() + ")").collect(Collectors.joining(", ")) + ".");
		List<String> packRuleIds = new ArrayList<>();
		List<String> off = new ArrayList<>();
		List<String> replaced = new ArrayList<>();
		out.println();
		out.println("Rules in force, by file:");
		for (RulePack.RuleFile file : pack.ruleFiles()) {
			if (!file.baseline()) {
				declared(file).forEach((name) -> packRuleIds.add(RulePackCompiler.ruleId(name)));
			}
		}
		for (RulePack.RuleFile file : pack.ruleFiles()) {
			out.println("  " + file.name() + (file.baseline() ? "  (baseline)" : ""));
			for (String name : declared(file)) {
				String id = RulePackCompiler.ruleId(name);
				if (file.baseline() && framework.baseline().disable().contains(id)) {
					off.add(name);
					continue;
				}
				if (file.baseline() && packRuleIds.contains(id)) {
					replaced.add(name);
					continue;
				}
				out.println("    " + name);
				Rule rule = compiled.kieBase().getRule(file.baseline() ? RulePack.BASELINE_PACKAGE : packageOf(file), name);
				Object policy = (rule != null) ? rule.getMetaData().get("policy") : null;
				if (policy != null) {
					out.println("        " + policy);
				}
			}
		}
		out.println();
		out.println("Baseline rules switched off by this pack (framework.yaml baseline.disable): " + (off.isEmpty() ? "none" : ""));
		off.forEach((name) -> out.println("  " + name));
		out.println("Baseline rules replaced by a rule of this pack with the same id: " + (replaced.isEmpty() ? "none" : ""));
		replaced.forEach((name) -> out.println("  " + name));
		out.println();
		out.println("Policy values in force:");
		Map<String, RulePack.PolicyValue> values = new TreeMap<>(pack.policyValues());
		int width = values.keySet().stream().mapToInt(String::length).max().orElse(10);
		values.forEach((name, value) -> out.printf("  %-" + width + "s  %-8s set in %s:%d%s%n", name, value.value(), value.file(), value.line(),
				value.file().startsWith(RulePacks.BASELINE + "/") ? " (baseline)" : ""));
	}

	private static List<String> declared(RulePack.RuleFile file) {
		List<String> names = new ArrayList<>();
		Matcher rule = RULE.matcher(RuleFileGuardAccess.code(file.content()));
		while (rule.find()) {
			names.add(file.content().substring(rule.start(1), rule.end(1)));
		}
		return names;
	}

	private static String packageOf(RulePack.RuleFile file) {
		Matcher matcher = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE).matcher(file.content());
		return matcher.find() ? matcher.group(1) : "";
	}

	/** Rule names are found outside comments (but the names themselves are strings, so keep their text). */
	private static final class RuleFileGuardAccess {

		static String code(String text) {
			String blanked = DrlText.blankStringsAndComments(text);
			StringBuilder code = new StringBuilder(blanked);
			Matcher rule = Pattern.compile("^\\s*rule\\s+\"", Pattern.MULTILINE).matcher(blanked);
			while (rule.find()) {
				int close = text.indexOf('"', rule.end());
				if (close > 0) {
					code.replace(rule.end(), close, text.substring(rule.end(), close));
				}
			}
			return code.toString();
		}

	}

}

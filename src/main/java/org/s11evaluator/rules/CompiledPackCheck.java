package org.s11evaluator.rules;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.Collect;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.Forall;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.base.time.impl.Timer;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.mvel.MVELConstraint;
import org.drools.mvel.dataproviders.MVELDataProvider;
import org.drools.mvel.parser.DrlxParser;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * The second layer of the rule sandbox: judges a pack on its compiled form, after Drools has built it and
 * before anything runs. Every condition MVEL will evaluate is judged again as MVEL received it (after Drools'
 * own rewriting of {@code in}, {@code str[...]} and the like); every consequence, {@code eval} and accumulate
 * expression, which Drools compiles to Java bytecode, is judged instruction by instruction against the same
 * {@link FactModel} allow-list; and every element of every rule must be one of the few kinds a rule may use.
 * A rule that found a gap in {@link RuleFileGuard} is refused here.
 */
final class CompiledPackCheck {

	private final RulePack pack;

	private final Set<String> packages;

	private final List<RuleProblem> problems = new ArrayList<>();

	private CompiledPackCheck(RulePack pack) {
		this.pack = pack;
		this.packages = new java.util.HashSet<>();
		pack.ruleFiles().forEach((file) -> this.packages.add(RuleFileGuard.packageName(file.content())));
	}

	static List<RuleProblem> check(RulePack pack, KieBase kieBase) {
		CompiledPackCheck check = new CompiledPackCheck(pack);
		for (KiePackage kiePackage : kieBase.getKiePackages()) {
			check.kiePackage((InternalKnowledgePackage) kiePackage);
		}
		return check.problems;
	}

	private void kiePackage(InternalKnowledgePackage kiePackage) {
		if (!this.packages.contains(kiePackage.getName())) {
			if (!kiePackage.getRules().isEmpty()) {
				refuse(null, "the compiled pack holds rules in package " + kiePackage.getName() + ", which no rule file declares");
			}
			return;
		}
		if (!kiePackage.getGlobals().isEmpty() || !kiePackage.getFunctions().isEmpty() || !kiePackage.getTypeDeclarations().isEmpty()) {
			refuse(null, "the compiled package " + kiePackage.getName() + " declares globals, functions or types, which rules may not");
		}
		for (org.kie.api.definition.rule.Rule rule : kiePackage.getRules()) {
			rule((RuleImpl) rule);
		}
		Object java = kiePackage.getDialectRuntimeRegistry().getDialectData("java");
		if (java instanceof JavaDialectRuntimeData data) {
			for (Map.Entry<String, byte[]> entry : data.getStore().entrySet()) {
				String internalName = entry.getKey().replaceFirst("\\.class$", "");
				String ruleName = ruleOfClass(kiePackage, internalName);
				CompiledClassCheck.check(internalName, entry.getValue(), internalName.endsWith("Invoker"))
					.forEach((message) -> refuse(ruleName, message));
			}
		}
	}

	private static String ruleOfClass(InternalKnowledgePackage kiePackage, String internalName) {
		String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
		for (org.kie.api.definition.rule.Rule rule : kiePackage.getRules()) {
			String className = ((RuleImpl) rule).getConsequence() != null ? ((RuleImpl) rule).getConsequence().getClass().getSimpleName() : "";
			if (!className.isEmpty() && simple.startsWith(className.replaceFirst("DefaultConsequenceInvoker$", ""))) {
				return rule.getName();
			}
		}
		return null;
	}

	private void rule(RuleImpl rule) {
		String name = rule.getName();
		if (rule.isQuery()) {
			refuse(name, "queries are not allowed");
		}
		Timer timer = rule.getTimer();
		if (timer != null || rule.getCalendars() != null && rule.getCalendars().length > 0 || rule.getDateEffective() != null
				|| rule.getDateExpires() != null) {
			refuse(name, "timers, calendars and effective dates are not allowed");
		}
		if (!(rule.getEnabled() instanceof org.drools.base.base.EnabledBoolean)) {
			refuse(name, "'enabled' must not be an expression");
		}
		if (!(rule.getSalience() instanceof org.drools.base.base.SalienceInteger)) {
			refuse(name, "'salience' must be a whole number");
		}
		if (rule.getMetaData().values().stream().anyMatch((value) -> !(value instanceof String))) {
			refuse(name, "annotations must be plain texts");
		}
		if (rule.hasNamedConsequences()) {
			refuse(name, "named consequences are not allowed");
		}
		if (rule.getConsequence() == null || !rule.getConsequence().getClass().getName().endsWith("DefaultConsequenceInvoker")) {
			refuse(name, "the consequence must be compiled Java (dialect \"java\")");
		}
		element(rule, rule.getLhs());
	}

	private void element(RuleImpl rule, RuleConditionElement element) {
		if (element instanceof GroupElement group) {
			group.getChildren().forEach((child) -> element(rule, child));
		}
		else if (element instanceof Pattern pattern) {
			pattern(rule, pattern);
		}
		else if (element instanceof EvalCondition eval) {
			if (!eval.getEvalExpression().getClass().getName().endsWith("Invoker")) {
				refuse(rule.getName(), "eval(...) must be compiled Java");
			}
		}
		else if (element instanceof Forall forall) {
			forall.getNestedElements().forEach((child) -> element(rule, child));
		}
		else {
			refuse(rule.getName(), "the compiled rule holds " + element.getClass().getSimpleName() + ", which rules may not use");
		}
	}

	private void pattern(RuleImpl rule, Pattern pattern) {
		Class<?> type = (pattern.getObjectType() instanceof ClassObjectType objectType) ? objectType.getClassType() : null;
		if (type == null || !(FactModel.isFact(type) || FactModel.usable(type))) {
			refuse(rule.getName(), "a pattern matches " + pattern.getObjectType() + ", which is not in the fact model");
			return;
		}
		for (Constraint constraint : pattern.getConstraints()) {
			if (constraint instanceof MVELConstraint mvel) {
				expression(rule, mvel.getExpression(), type, mvel.getRequiredDeclarations());
			}
			else {
				refuse(rule.getName(), "the compiled condition " + constraint.getClass().getSimpleName() + " is not one rules may use");
			}
		}
		RuleConditionElement source = pattern.getSource();
		if (source == null) {
			return;
		}
		if (source instanceof From from && from.getDataProvider() instanceof MVELDataProvider provider) {
			Class<?> sourceType = expression(rule, fromExpression(provider), null, provider.getRequiredDeclarations());
			if (sourceType != null && !java.util.Collection.class.isAssignableFrom(sourceType)) {
				refuse(rule.getName(), "as compiled, 'from " + fromExpression(provider) + "' gives a " + sourceType.getSimpleName() + ", not a list");
			}
		}
		else if (source instanceof Accumulate accumulate) {
			for (Object accumulator : accumulate.getAccumulators()) {
				if (!(accumulator instanceof org.drools.core.base.accumulators.JavaAccumulatorFunctionExecutor)) {
					refuse(rule.getName(), "accumulate must use a built-in function (count, sum, ...) over compiled Java");
				}
			}
			element(rule, accumulate.getSource());
		}
		else if (source instanceof Collect collect) {
			element(rule, collect.getSourcePattern());
		}
		else {
			refuse(rule.getName(), "the source of a pattern is " + source.getClass().getSimpleName() + ", which rules may not use");
		}
	}

	private Class<?> expression(RuleImpl rule, String text, Class<?> patternType, Declaration[] declarations) {
		Map<String, Class<?>> variables = new LinkedHashMap<>();
		Arrays.stream(declarations).forEach((d) -> variables.put(d.getIdentifier(), FactModel.box(d.getDeclarationClass())));
		try {
			RuleExpressionCheck check = new RuleExpressionCheck(variables, patternType, RuleExpressionCheck.Mode.CONDITION);
			Class<?> type = check.typeOf(DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(Set.of("contains", "excludes",
					"memberOf", "matches", "soundslike")), text).getExpr());
			check.refusals().forEach((refusal) -> refuse(rule.getName(), "as compiled, '" + text + "': " + refusal.message()));
			return type;
		}
		catch (RuntimeException | StackOverflowError ex) {
			refuse(rule.getName(), "as compiled, the condition '" + text + "' could not be judged: " + ex.getMessage());
			return null;
		}
	}

	private static String fromExpression(MVELDataProvider provider) {
		try {
			Field unit = MVELDataProvider.class.getDeclaredField("unit");
			unit.setAccessible(true);
			return ((org.drools.mvel.expr.MVELCompilationUnit) unit.get(provider)).getExpression();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read a compiled 'from' expression: " + ex.getMessage(), ex);
		}
	}

	private void refuse(String ruleName, String message) {
		for (RulePack.RuleFile file : this.pack.ruleFiles()) {
			int line = (ruleName != null) ? lineOfRule(file.content(), ruleName) : -1;
			if (line > 0) {
				this.problems.add(new RuleProblem(file.name(), line, 1, message + " (in rule \"" + ruleName + "\")"));
				return;
			}
		}
		this.problems.add(new RuleProblem(this.pack.id(), 0, 0, message + ((ruleName != null) ? " (in rule \"" + ruleName + "\")" : "")));
	}

	private static int lineOfRule(String content, String ruleName) {
		List<String> lines = content.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).strip().startsWith("rule \"" + ruleName + "\"")) {
				return i + 1;
			}
		}
		return -1;
	}

}

package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;

/**
 * Decides, before anything is compiled, what a rule file can reach: the file is parsed with Drools' own DRL
 * parser, each condition with Drools' DRLX expression parser and each consequence with a Java parser, and every
 * name, property, method and constructor is resolved to its type and judged against the {@link FactModel}
 * allow-list. Nothing is judged on the text: a type argument, a {@code #} cast, a text block or a string across
 * lines is either understood and allowed, or refused at its file, line and column with the reason.
 *
 * <p>Besides expressions, the structure is an allow-list too: no {@code global}, {@code function},
 * {@code declare}, {@code query}, {@code import function}, entry points, windows, named consequences, dialect or
 * timer attributes; only the fact model and a few value types may be imported; annotations are {@code @policy}
 * with one text. {@link CompiledPackCheck} then judges the compiled form again.
 */
class RuleFileGuard {

	private static final String FACTS_PACKAGE = "org.s11evaluator.rules.facts";

	private static final Set<String> ALLOWED_IMPORTS = Set.of("java.time.LocalDate", "java.time.Period", "java.time.temporal.ChronoUnit",
			"java.util.List", "java.util.Set");

	/** Accumulate functions of Drools itself that only count or collect; no custom or inline accumulate code. */
	private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average", "collectList", "collectSet");

	/** Bounds that keep the check itself (and Drools after it) from being stalled by a file: size, length and nesting. */
	static final int MAX_FILE_CHARACTERS = 256 * 1024;

	static final int MAX_EXPRESSION_CHARACTERS = 4_000;

	static final int MAX_NESTING = 24;

	private static final Set<String> STRING_ATTRIBUTES = Set.of("ruleflow-group", "agenda-group", "activation-group");

	private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active");

	private static final Set<String> DRL_OPERATORS = List.of("contains", "excludes", "memberOf", "matches", "soundslike", "str")
		.stream().collect(java.util.stream.Collectors.toUnmodifiableSet());

	/** The DRL package a rule file declares, as Drools' parser reads it, or null. */
	static String packageName(String content) {
		try {
			PackageDescr pkg = new DrlParser().parse(false, content);
			return (pkg != null) ? pkg.getName() : null;
		}
		catch (DroolsParserException | RuntimeException ex) {
			return null;
		}
	}

	List<RuleProblem> check(RulePack.RuleFile file) {
		Check check = new Check(file);
		check.run();
		check.problems.sort(Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
		return check.problems;
	}

	/** One file's check: its problems, positioned in its text. */
	private static final class Check {

		private final RulePack.RuleFile file;

		private final String content;

		private final List<RuleProblem> problems = new ArrayList<>();

		Check(RulePack.RuleFile file) {
			this.file = file;
			this.content = file.content();
		}

		void run() {
			if (this.content.length() > MAX_FILE_CHARACTERS) {
				add(0, "the file has " + this.content.length() + " characters; a rule file may have at most " + MAX_FILE_CHARACTERS);
				return;
			}
			try {
				judge();
			}
			catch (StackOverflowError ex) {
				add(0, "the file is nested too deeply to be read");
			}
			catch (RuntimeException ex) {
				// fail closed: a file the check cannot finish judging is never compiled
				add(0, "the file could not be checked (" + ex.getClass().getSimpleName() + "): simplify the rule near the last change, "
						+ "and report this to the evaluator's developers");
			}
		}

		private void judge() {
			int escape = this.content.indexOf("\\u");
			if (escape >= 0) {
				add(escape, "unicode escapes (\\u...) are not allowed in a rule file: write the character itself");
				return;
			}
			DrlParser parser = new DrlParser();
			PackageDescr pkg;
			try {
				pkg = parser.parse(false, this.content);
			}
			catch (DroolsParserException ex) {
				add(0, "the file could not be read as DRL: " + ex.getMessage());
				return;
			}
			if (parser.hasErrors() || pkg == null) {
				// a mistake recognised (a rule without its end, curly quotes) is said in plain words where it is; else Drools' words
				this.problems.addAll(DrlMistakes.of(this.file.name(), this.content));
				for (DroolsError error : this.problems.isEmpty() ? parser.getErrors() : List.<DroolsError>of()) {
					int[] lines = error.getLines();
					this.problems.add(DrlMistakes.rephrased(this.file.name(), this.content, (lines != null && lines.length > 0) ? Math.max(lines[0], 1) : 1,
							RulePackCompiler.plain(error.getMessage())));
				}
				if (this.problems.isEmpty()) {
					add(0, "the file could not be read as DRL");
				}
				return;
			}
			structure(pkg);
			pkg.getRules().forEach(this::rule);
		}

		private void structure(PackageDescr pkg) {
			for (ImportDescr imported : pkg.getImports()) {
				String target = imported.getTarget();
				boolean fromFacts = target.equals(FACTS_PACKAGE + ".*") || (target.startsWith(FACTS_PACKAGE + ".")
						&& FactModel.type(target).isPresent());
				if (!fromFacts && !ALLOWED_IMPORTS.contains(target)) {
					add(imported, "import of '" + target + "' is not allowed: rule files may only import the fact model (" + FACTS_PACKAGE
							+ ".*) and " + ALLOWED_IMPORTS.stream().sorted().toList());
				}
			}
			refuseAll(pkg.getFunctionImports(), "'import function' is not allowed: rules may only use the fact model's methods");
			refuseAll(pkg.getAccumulateImports(), "'import accumulate' is not allowed: use count, sum, min, max, average, collectList or collectSet");
			refuseAll(pkg.getGlobals(), "'global' is not allowed: a rule reads facts only");
			refuseAll(pkg.getFunctions(), "'function' is not allowed: a rule may only use the fact model's methods");
			refuseAll(pkg.getTypeDeclarations(), "'declare' is not allowed: rules use the published fact model only");
			refuseAll(pkg.getEnumDeclarations(), "'declare enum' is not allowed: rules use the published fact model only");
			refuseAll(pkg.getEntryPointDeclarations(), "entry points are not allowed in a rule file");
			refuseAll(pkg.getWindowDeclarations(), "windows are not allowed in a rule file");
			refuseAll(pkg.getAttributes(), "package-wide attributes (such as 'dialect') are not allowed in a rule file");
			if (pkg.getUnit() != null) {
				add(pkg.getUnit(), "'unit' is not allowed in a rule file");
			}
		}

		private void refuseAll(java.util.Collection<? extends BaseDescr> descrs, String message) {
			descrs.forEach((descr) -> add(descr, message));
		}

		private void rule(RuleDescr rule) {
			if (!rule.getName().matches("[^\"\\\\\\p{Cntrl}]{1,200}")) {
				add(rule, "a rule's name may not hold quotes, backslashes or control characters, and at most 200 characters");
			}
			if (rule.isQuery()) {
				add(rule, "'query' is not allowed in a rule file: rules conclude outcomes only");
				return;
			}
			if (rule.getParentName() != null) {
				add(rule, "'extends' is not allowed: write each rule in full");
			}
			if (!rule.getNamedConsequences().isEmpty()) {
				add(rule, "named consequences (do[...]) are not allowed: one 'then' per rule");
			}
			for (AttributeDescr attribute : rule.getAttributes().values()) {
				attribute(attribute);
			}
			for (AnnotationDescr annotation : rule.getAnnotations()) {
				annotation(annotation, rule);
			}
			Map<String, Class<?>> variables = new LinkedHashMap<>();
			conditions(rule.getLhs(), variables);
			consequence(rule, variables);
		}

		private void attribute(AttributeDescr attribute) {
			String name = attribute.getName();
			String value = attribute.getValue();
			boolean ok;
			if (STRING_ATTRIBUTES.contains(name)) {
				ok = parsesTo(value, StringLiteralExpr.class) || value.matches("[\\w .-]+");
			}
			else if (BOOLEAN_ATTRIBUTES.contains(name)) {
				ok = value.equals("true") || value.equals("false");
			}
			else if (name.equals("salience")) {
				ok = value.matches("-?\\d{1,6}");
			}
			else {
				add(attribute, "the attribute '" + name + "' is not allowed in a rule file (allowed: ruleflow-group, agenda-group, "
						+ "activation-group, salience as a whole number, no-loop, lock-on-active)");
				return;
			}
			if (!ok) {
				add(attribute, "the attribute '" + name + "' must be a plain " + (name.equals("salience") ? "whole number" : "value")
						+ ", not '" + value + "'");
			}
		}

		private void annotation(AnnotationDescr annotation, RuleDescr rule) {
			Map<String, Object> values = annotation.getValueMap();
			Object value = values.get(AnnotationDescr.VALUE);
			// Drools evaluates an annotation's value with MVEL while compiling: only a plain literal, with no escapes on which MVEL
			// and a Java parser could disagree, gets that far.
			boolean ok = annotation.getName().equals("policy") && values.size() == 1 && value instanceof String text
					&& text.indexOf('\\') < 0 && text.length() <= MAX_EXPRESSION_CHARACTERS && parsesTo(text, StringLiteralExpr.class);
			if (!ok) {
				int at = this.content.indexOf("@" + annotation.getName(), Math.max(rule.getStartCharacter(), 0));
				add(Math.max(at, Math.max(rule.getStartCharacter(), 0)), "only @policy(\"...\") with one plain text (no backslashes) is allowed on a rule, not @"
						+ annotation.getName() + "(" + values.values() + ")");
			}
		}

		private void conditions(BaseDescr descr, Map<String, Class<?>> variables) {
			if (descr instanceof PatternDescr pattern) {
				pattern(pattern, variables);
			}
			else if (descr instanceof EvalDescr eval) {
				String text = String.valueOf(eval.getContent());
				expression(text, eval, null, variables);
			}
			else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr || descr instanceof ExistsDescr
					|| descr instanceof org.drools.drl.ast.descr.ForallDescr) {
				for (BaseDescr child : ((ConditionalElementDescr) descr).getDescrs()) {
					conditions(child, variables);
				}
			}
			else if (descr != null) {
				add(descr, describe(descr) + " is not allowed in a rule's conditions (allowed: patterns, and, or, not, exists, forall, "
						+ "eval, from, accumulate and collect)");
			}
		}

		private void pattern(PatternDescr pattern, Map<String, Class<?>> variables) {
			Optional<Class<?>> type = FactModel.type(pattern.getObjectType());
			if (pattern.isQuery()) {
				add(pattern, "queries are not allowed in a rule file");
				return;
			}
			if (type.isEmpty()) {
				add(pattern, "'" + pattern.getObjectType() + "' is not a fact a rule may match" + DidYouMean.hint(pattern.getObjectType(),
						FactModel.FACTS.stream().map(Class::getSimpleName).toList()) + ": rules match the fact model (" + FactModel.nameableTypes() + ")");
				return;
			}
			if (!pattern.getAnnotations().isEmpty()) {
				add(pattern, "annotations on a pattern are not allowed: Drools would evaluate them while compiling");
			}
			if (!pattern.getBehaviors().isEmpty()) {
				add(pattern, "windows (over ...) are not allowed in a rule file");
			}
			if (pattern.getSource() != null) {
				source(pattern, type.get(), variables);
			}
			if (pattern.getIdentifier() != null) {
				variables.put(pattern.getIdentifier(), type.get());
			}
			for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
				if (constraint instanceof ExprConstraintDescr expr) {
					expression(expr.getExpression(), expr, type.get(), variables);
				}
				else {
					add(constraint, describe(constraint) + " is not allowed in a pattern");
				}
			}
		}

		private void source(PatternDescr pattern, Class<?> type, Map<String, Class<?>> variables) {
			BaseDescr source = pattern.getSource();
			if (source instanceof FromDescr from) {
				Class<?> sourceType = expression(from.getExpression(), pattern, null, variables);
				if (sourceType != null && !java.util.Collection.class.isAssignableFrom(sourceType)) {
					add(pattern, "'from " + from.getExpression() + "' gives a " + sourceType.getSimpleName() + ": 'from' may only take the items "
							+ "of a list, such as $r.evidenceLinks()");
				}
			}
			else if (source instanceof AccumulateDescr accumulate) {
				if (accumulate.getInitCode() != null || accumulate.getActionCode() != null || accumulate.getResultCode() != null
						|| accumulate.getReverseCode() != null || accumulate.getClassName() != null) {
					add(accumulate, "accumulate with code (init/action/result) is not allowed: use count, sum, min, max, average, collectList "
							+ "or collectSet");
					return;
				}
				Map<String, Class<?>> inner = new LinkedHashMap<>(variables);
				conditions(accumulate.getInput(), inner);
				for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
					if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
						add(accumulate, "the accumulate function '" + function.getFunction() + "' is not allowed (allowed: "
								+ ACCUMULATE_FUNCTIONS.stream().sorted().toList() + ")");
					}
					for (String parameter : function.getParams()) {
						expression(parameter, accumulate, null, inner);
					}
					if (function.getBind() != null) {
						variables.put(function.getBind(), function.getFunction().startsWith("collect") ? java.util.Collection.class : Number.class);
					}
				}
			}
			else if (source instanceof CollectDescr collect) {
				conditions(collect.getInputPattern(), new LinkedHashMap<>(variables));
			}
			else {
				add(pattern, describe(source) + " is not allowed as the source of a pattern (allowed: from, accumulate, collect)");
			}
		}

		/** Parses and judges one condition; binds its variable if it has one; returns its type or null. */
		private Class<?> expression(String text, BaseDescr where, Class<?> patternType, Map<String, Class<?>> variables) {
			String bounds = bounds(text);
			if (bounds != null) {
				add(where, bounds);
				return null;
			}
			if (text.contains("//") || text.contains("/*")) {
				add(where, "comments are not allowed inside a condition: put them on a line of their own above the rule");
				return null;
			}
			DrlxExpression parsed;
			try {
				parsed = DrlxParser.parseExpression(DrlxParser.buildDrlxParserWithArguments(DRL_OPERATORS), text);
			}
			catch (RuntimeException ex) {
				add(where, "'" + oneLine(text) + "' could not be read: " + firstLine(ex.getMessage()));
				return null;
			}
			if (parsed.getBind() != null && patternType == null) {
				add(where, "a binding ('" + parsed.getBind() + " :') is only allowed inside a pattern");
				return null;
			}
			if (parsed.getBind() != null && !(parsed.getExpr() instanceof org.drools.mvel.parser.ast.expr.DrlNameExpr)) {
				add(where, "a binding may only name a property of the fact, such as '$id : itemId', not compute a value");
				return null;
			}
			RuleExpressionCheck check = new RuleExpressionCheck(variables, patternType, RuleExpressionCheck.Mode.CONDITION);
			Class<?> type = check.typeOf(parsed.getExpr());
			report(check, where, text);
			if (parsed.getBind() != null && type != null) {
				variables.put(parsed.getBind().asString(), type);
			}
			return type;
		}

		private void consequence(RuleDescr rule, Map<String, Class<?>> variables) {
			String text = String.valueOf(rule.getConsequence());
			int start = consequenceStart(rule, text);
			String bounds = bounds(text);
			if (bounds != null) {
				add(start, "the consequence: " + bounds);
				return;
			}
			JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
			ParseResult<BlockStmt> result = parser.parseBlock("{" + text + "\n}");
			if (!result.isSuccessful() || result.getResult().isEmpty()) {
				String reason = result.getProblems().stream().findFirst().map((p) -> firstLine(p.getMessage())).orElse("not Java");
				add(start, "the consequence (after 'then') could not be read: " + reason);
				return;
			}
			ConsequenceCheck check = new ConsequenceCheck(variables);
			check.block(result.getResult().get());
			for (ConsequenceCheck.Refusal refusal : check.refusals()) {
				int offset = refusal.begin().map((begin) -> offsetIn("{" + text, begin.line, begin.column - 1) - 1).orElse(0);
				add(start + Math.max(offset, 0), refusal.message() + ruleName(rule));
			}
		}

		/** Why an expression is too long or too deeply nested to judge, or null. Counted on the text: it only ever refuses. */
		private static String bounds(String text) {
			if (text.length() > MAX_EXPRESSION_CHARACTERS) {
				return "an expression of " + text.length() + " characters is too long (at most " + MAX_EXPRESSION_CHARACTERS + "): split the rule";
			}
			int depth = 0;
			int deepest = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				depth += (c == '(' || c == '[' || c == '{') ? 1 : (c == ')' || c == ']' || c == '}') ? -1 : 0;
				deepest = Math.max(deepest, depth);
			}
			return (deepest > MAX_NESTING) ? "brackets nested " + deepest + " deep are too deep to read (at most " + MAX_NESTING + ")" : null;
		}

		private int consequenceStart(RuleDescr rule, String text) {
			String head = text.strip();
			head = head.substring(0, Math.min(head.length(), 40));
			int from = Math.max(rule.getStartCharacter(), 0);
			int then = this.content.indexOf("then", from);
			int found = head.isEmpty() ? -1 : this.content.indexOf(head, Math.max(then, from));
			int textStart = (found >= 0) ? found - (text.indexOf(head)) : Math.max(then, 0);
			return Math.max(textStart, 0);
		}

		private static int offsetIn(String text, int line, int column) {
			int offset = 0;
			for (int l = 1; l < line && offset >= 0; l++) {
				offset = text.indexOf('\n', offset) + 1;
				if (offset == 0) {
					return text.length();
				}
			}
			return offset + column;
		}

		private void report(RuleExpressionCheck check, BaseDescr where, String text) {
			for (RuleExpressionCheck.Refusal refusal : check.refusals()) {
				int base = Math.max(where.getStartCharacter(), 0);
				int within = this.content.indexOf(text, base);
				int at = (within >= 0) ? within : base;
				int near = (within >= 0) ? nearIn(text, refusal.near()) : -1;
				add((near >= 0) ? at + near : at, refusal.message());
			}
		}

		private static int nearIn(String text, String near) {
			if (near == null || near.isEmpty()) {
				return -1;
			}
			int exact = text.indexOf(near);
			if (exact >= 0) {
				return exact;
			}
			String compact = near.replaceAll("\\s+", "");
			return compact.isEmpty() ? -1 : text.replaceAll("\\s+", "").indexOf(compact) >= 0 ? text.indexOf(compact.charAt(0)) : -1;
		}

		private String ruleName(RuleDescr rule) {
			return " (in rule \"" + rule.getName() + "\")";
		}

		private static boolean parsesTo(String value, Class<? extends Expression> kind) {
			try {
				JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
				ParseResult<Expression> result = parser.parseExpression(value);
				return result.isSuccessful() && result.getResult().filter(kind::isInstance).isPresent();
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		private void add(BaseDescr descr, String message) {
			int start = descr.getStartCharacter();
			if (start >= 0) {
				add(start, message);
			}
			else {
				this.problems.add(new RuleProblem(this.file.name(), Math.max(descr.getLine(), 1), Math.max(descr.getColumn() + 1, 1), message));
			}
		}

		private void add(int offset, String message) {
			int line = 1;
			int lineStart = 0;
			for (int i = 0; i < Math.min(offset, this.content.length()); i++) {
				if (this.content.charAt(i) == '\n') {
					line++;
					lineStart = i + 1;
				}
			}
			String rule = RulePackCompiler.ruleNameAt(this.content, line);
			String where = (rule != null && !message.contains("(in rule \"")) ? " (in rule \"" + rule + "\")" : "";
			this.problems.add(new RuleProblem(this.file.name(), line, offset - lineStart + 1, message + where));
		}

		private static String describe(BaseDescr descr) {
			String kind = descr.getClass().getSimpleName().replaceAll("Descr$", "");
			return "'" + kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + "'";
		}

		private static String oneLine(String text) {
			String line = text.replaceAll("\\s+", " ").strip();
			return (line.length() > 80) ? line.substring(0, 77) + "..." : line;
		}

		private static String firstLine(String message) {
			return (message == null) ? "" : message.lines().findFirst().orElse("").strip();
		}

	}

}

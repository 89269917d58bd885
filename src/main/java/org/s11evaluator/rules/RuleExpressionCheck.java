package org.s11evaluator.rules;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import org.drools.mvel.parser.ast.expr.DrlNameExpr;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

/**
 * Judges one parsed expression of a rule against the {@link FactModel}: every name is resolved to a bound
 * variable, a property of the pattern's fact or a type a rule may name; every property, method and
 * constructor to a member on the allow-list, with the type it yields. Anything it cannot resolve is refused:
 * an expression is allowed only when every part of it is understood. A constraint reads properties the MVEL
 * way ({@code $v.Class} is {@code getClass()}), a consequence the Java way; both are judged by the same list.
 */
final class RuleExpressionCheck {

	/** Where an expression sits: in a condition (MVEL, a pattern's fact in scope) or in a consequence (Java). */
	enum Mode {
		CONDITION, CONSEQUENCE
	}

	/** The DRL operators a condition may use between values; every other (temporal, custom) is refused. */
	private static final Set<String> OPERATORS = Set.of("contains", "excludes", "memberOf", "matches", "in", "str", "soundslike");

	private static final Set<String> STR_OPERATIONS = Set.of("startsWith", "endsWith", "length");

	/** What an expression denotes: a value of a type, or a type named for its constants and static methods. */
	private record Meaning(Class<?> type, boolean isTypeName) {

		static Meaning value(Class<?> type) {
			return new Meaning(FactModel.box(type), false);
		}

	}

	/** A refusal: what is wrong, and the text it concerns (to place it in the file). */
	record Refusal(String message, String near) {
	}

	private final Map<String, Class<?>> variables;

	private final Class<?> patternType;

	private final Mode mode;

	private final List<Refusal> refusals = new ArrayList<>();

	RuleExpressionCheck(Map<String, Class<?>> variables, Class<?> patternType, Mode mode) {
		this.variables = variables;
		this.patternType = patternType;
		this.mode = mode;
	}

	List<Refusal> refusals() {
		return this.refusals;
	}

	/** The type of the expression, or null when it is refused (the reasons are in {@link #refusals()}). */
	Class<?> typeOf(Expression expression) {
		Meaning meaning = meaning(expression, null);
		if (meaning == null) {
			return null;
		}
		if (meaning.isTypeName()) {
			return refuse("'" + text(expression) + "' is a type, not a value", expression);
		}
		return meaning.type();
	}

	private Meaning meaning(Expression e, Class<?> implicitLeft) {
		if (e instanceof StringLiteralExpr) {
			return Meaning.value(String.class);
		}
		if (e instanceof IntegerLiteralExpr) {
			return Meaning.value(Integer.class);
		}
		if (e instanceof LongLiteralExpr) {
			return Meaning.value(Long.class);
		}
		if (e instanceof DoubleLiteralExpr) {
			return Meaning.value(Double.class);
		}
		if (e instanceof BooleanLiteralExpr) {
			return Meaning.value(Boolean.class);
		}
		if (e instanceof CharLiteralExpr) {
			return Meaning.value(String.class);
		}
		if (e instanceof NullLiteralExpr) {
			return Meaning.value(Object.class);
		}
		if (e instanceof EnclosedExpr enclosed) {
			return meaning(enclosed.getInner(), implicitLeft);
		}
		if (e instanceof ThisExpr && this.mode == Mode.CONDITION && this.patternType != null) {
			return Meaning.value(this.patternType);
		}
		if (e instanceof NameExpr name) {
			return name(name.getNameAsString(), e);
		}
		if (e instanceof DrlNameExpr name) {
			if (name.getBackReferencesCount() > 0) {
				return refuseMeaning("back references (../) are not allowed", e);
			}
			return name(name.getNameAsString(), e);
		}
		if (e instanceof NullSafeFieldAccessExpr access) {
			return property(access.getScope(), access.getNameAsString(), e);
		}
		if (e instanceof FieldAccessExpr access) {
			if (access.getTypeArguments().isPresent()) {
				return refuseMeaning("type arguments are not allowed", e);
			}
			return property(access.getScope(), access.getNameAsString(), e);
		}
		if (e instanceof NullSafeMethodCallExpr call) {
			if (call.getTypeArguments().isPresent()) {
				return refuseMeaning("type arguments (<...>) are not allowed in a rule", e);
			}
			return call(call.getScope().orElse(null), call.getNameAsString(), call.getArguments(), e);
		}
		if (e instanceof MethodCallExpr call) {
			if (call.getTypeArguments().isPresent()) {
				return refuseMeaning("type arguments (<...>) are not allowed in a rule", e);
			}
			return call(call.getScope().orElse(null), call.getNameAsString(), call.getArguments(), e);
		}
		if (e instanceof ObjectCreationExpr creation) {
			return creation(creation, e);
		}
		if (e instanceof UnaryExpr unary) {
			return unary(unary);
		}
		if (e instanceof BinaryExpr binary) {
			return binary(binary, implicitLeft);
		}
		if (e instanceof HalfBinaryExpr half) {
			if (implicitLeft == null) {
				return refuseMeaning("a comparison with nothing on its left", e);
			}
			Meaning right = meaning(half.getRight(), implicitLeft);
			return (right == null) ? null : Meaning.value(Boolean.class);
		}
		if (e instanceof ConditionalExpr conditional) {
			Meaning condition = meaning(conditional.getCondition(), implicitLeft);
			Meaning then = meaning(conditional.getThenExpr(), implicitLeft);
			Meaning otherwise = meaning(conditional.getElseExpr(), implicitLeft);
			if (condition == null || then == null || otherwise == null) {
				return null;
			}
			return Meaning.value(then.type().equals(otherwise.type()) ? then.type() : Object.class);
		}
		if (e instanceof PointFreeExpr pointFree) {
			return pointFree(pointFree.getLeft(), pointFree.getOperator().asString(), pointFree.getRight(), pointFree.getArg1(),
					pointFree.getArg2(), e);
		}
		if (e instanceof HalfPointFreeExpr half) {
			if (implicitLeft == null) {
				return refuseMeaning("an operator with nothing on its left", e);
			}
			return pointFree(null, half.getOperator().asString(), half.getRight(), half.getArg1(), half.getArg2(), e);
		}
		return refuseMeaning(describe(e) + " is not allowed in a rule file: rules may only compare values, do arithmetic, join "
				+ "text and call the fact model's methods", e);
	}

	private Meaning name(String name, Expression e) {
		Class<?> variable = this.variables.get(name);
		Optional<Method> property = (this.mode == Mode.CONDITION && this.patternType != null)
				? FactModel.property(this.patternType, name) : Optional.empty();
		if (variable != null && property.isPresent()) {
			return refuseMeaning("'" + name + "' is both a bound variable and a property of " + this.patternType.getSimpleName()
					+ ": rename the variable", e);
		}
		if (variable != null) {
			return Meaning.value(variable);
		}
		if (property.isPresent()) {
			return returning(property.get(), e);
		}
		Optional<Class<?>> type = FactModel.type(name);
		if (type.isPresent()) {
			return new Meaning(type.get(), true);
		}
		String hint;
		if (Character.isLowerCase(name.charAt(0)) && this.mode == Mode.CONDITION && this.patternType != null) {
			hint = DidYouMean.hint(name, FactModel.memberNames(this.patternType)) + " (properties of " + this.patternType.getSimpleName() + ": "
					+ FactModel.membersOf(this.patternType) + ")";
		}
		else if (Character.isUpperCase(name.charAt(0))) {
			hint = ": rules may only name the fact model and " + FactModel.valueTypeNames();
		}
		else {
			hint = "";
		}
		return refuseMeaning("'" + name + "' is not a bound variable, a property or a type a rule may use" + hint, e);
	}

	private Meaning property(Expression scope, String name, Expression e) {
		Meaning of = meaning(scope, null);
		if (of == null) {
			return null;
		}
		if (of.isTypeName()) {
			return constant(of.type(), name, e);
		}
		if (this.mode == Mode.CONSEQUENCE) {
			return refuseMeaning("'" + text(e) + "': call the method instead, for example " + text(scope) + "." + name + "()", e);
		}
		Optional<Method> accessor = FactModel.property(of.type(), name);
		if (accessor.isEmpty()) {
			return refuseMeaning("'" + name + "' is not a property a rule may read on " + of.type().getSimpleName()
					+ DidYouMean.hint(name, FactModel.memberNames(of.type())) + " (it has: "
					+ FactModel.membersOf(of.type()) + ")", e);
		}
		return returning(accessor.get(), e);
	}

	private Meaning constant(Class<?> type, String name, Expression e) {
		if (type.isEnum() && FactModel.allowed(type, name)) {
			for (Object constant : type.getEnumConstants()) {
				if (((Enum<?>) constant).name().equals(name)) {
					return Meaning.value(type);
				}
			}
		}
		return refuseMeaning("'" + type.getSimpleName() + "." + name + "' is not a value a rule may use", e);
	}

	private Meaning call(Expression scope, String name, List<Expression> arguments, Expression e) {
		List<Class<?>> argumentTypes = new ArrayList<>();
		boolean argumentsAllowed = true;
		for (Expression argument : arguments) {
			Class<?> type = typeOf(argument);
			argumentsAllowed &= (type != null);
			argumentTypes.add(type);
		}
		if (scope == null) {
			if (this.mode == Mode.CONSEQUENCE) {
				return insert(name, arguments, argumentTypes, e);
			}
			if (this.patternType == null) {
				return refuseMeaning("'" + name + "(...)' is not a method a rule may call here", e);
			}
			return argumentsAllowed ? method(this.patternType, name, argumentTypes, false, e) : null;
		}
		Meaning of = meaning(scope, null);
		if (of == null || !argumentsAllowed) {
			return null;
		}
		return method(of.type(), name, argumentTypes, of.isTypeName(), e);
	}

	private Meaning insert(String name, List<Expression> arguments, List<Class<?>> argumentTypes, Expression e) {
		if (!name.equals("insert") || arguments.size() != 1) {
			return refuseMeaning("'" + name + "(...)' is not allowed: a consequence may only insert(new Finding(...)) or another "
					+ "outcome (ItemRating, StandardRating, Finding, FollowUpAction, PartnershipRating)", e);
		}
		if (argumentTypes.get(0) == null) {
			return null;
		}
		if (!FactModel.OUTCOMES.contains(argumentTypes.get(0))) {
			return refuseMeaning("only outcomes may be inserted (ItemRating, StandardRating, Finding, FollowUpAction, PartnershipRating), "
					+ "not " + argumentTypes.get(0).getSimpleName(), e);
		}
		return Meaning.value(void.class);
	}

	private Meaning method(Class<?> type, String name, List<Class<?>> argumentTypes, boolean statics, Expression e) {
		List<Method> candidates = FactModel.methods(type, name, argumentTypes.size(), statics);
		if (candidates.isEmpty()) {
			String kind = statics ? "static method" : "method";
			return refuseMeaning("'" + name + "' is not a " + kind + " a rule may call on " + type.getSimpleName()
					+ (statics ? "" : DidYouMean.hint(name, FactModel.memberNames(type)) + " (it has: " + FactModel.membersOf(type) + ")"), e);
		}
		Method chosen = candidates.stream().filter((m) -> accepts(m, argumentTypes)).findFirst().orElse(candidates.get(0));
		boolean sameReturn = candidates.stream().allMatch((m) -> m.getReturnType().equals(chosen.getReturnType()));
		if (!sameReturn && candidates.stream().filter((m) -> accepts(m, argumentTypes)).count() != 1) {
			return Meaning.value(Object.class);
		}
		return returning(chosen, e);
	}

	private static boolean accepts(Method method, List<Class<?>> argumentTypes) {
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			Class<?> parameter = FactModel.box(parameters[i]);
			Class<?> argument = argumentTypes.get(i);
			boolean numeric = Number.class.isAssignableFrom(parameter) && Number.class.isAssignableFrom(argument);
			if (argument != Object.class && !parameter.isAssignableFrom(argument) && !numeric) {
				return false;
			}
		}
		return true;
	}

	private Meaning returning(Method method, Expression e) {
		Class<?> type = method.getReturnType();
		if (!FactModel.usable(type)) {
			return refuseMeaning("'" + method.getName() + "' gives a " + type.getSimpleName() + ", which rules cannot use", e);
		}
		return Meaning.value(type);
	}

	private Meaning creation(ObjectCreationExpr creation, Expression e) {
		if (creation.getAnonymousClassBody().isPresent() || creation.getTypeArguments().isPresent() || creation.getScope().isPresent()
				|| creation.getType().getTypeArguments().isPresent()) {
			return refuseMeaning("only a plain 'new Finding(...)' (or another outcome) is allowed", e);
		}
		Optional<Class<?>> type = FactModel.type(creation.getType().getNameWithScope());
		if (type.isEmpty() || !FactModel.OUTCOMES.contains(type.get())) {
			return refuseMeaning("'new " + creation.getType().getNameWithScope() + "' is not allowed: a rule may only create outcomes "
					+ "(ItemRating, StandardRating, Finding, FollowUpAction, PartnershipRating)", e);
		}
		boolean allowed = true;
		for (Expression argument : creation.getArguments()) {
			allowed &= typeOf(argument) != null;
		}
		return allowed ? Meaning.value(type.get()) : null;
	}

	private Meaning unary(UnaryExpr unary) {
		switch (unary.getOperator()) {
			case LOGICAL_COMPLEMENT, MINUS, PLUS -> {
				Meaning operand = meaning(unary.getExpression(), null);
				return (operand == null) ? null : operand.isTypeName() ? refuseMeaning("a type is not a value", unary) : operand;
			}
			default -> {
				return refuseMeaning("'" + unary.getOperator().asString() + "' changes a value: rules may not change anything", unary);
			}
		}
	}

	private Meaning binary(BinaryExpr binary, Class<?> implicitLeft) {
		Meaning left = meaning(binary.getLeft(), implicitLeft);
		Class<?> leftType = (left == null || left.isTypeName()) ? null : left.type();
		Meaning right = meaning(binary.getRight(), leftType != null ? leftType : implicitLeft);
		if (left == null || right == null) {
			return null;
		}
		if (left.isTypeName() || right.isTypeName()) {
			return refuseMeaning("a type is not a value", binary);
		}
		switch (binary.getOperator()) {
			case PLUS -> {
				if (left.type() == String.class || right.type() == String.class) {
					return Meaning.value(String.class);
				}
				return Meaning.value(numeric(left.type(), right.type()));
			}
			case MINUS, MULTIPLY, DIVIDE, REMAINDER -> {
				return Meaning.value(numeric(left.type(), right.type()));
			}
			case BINARY_AND, BINARY_OR, XOR, LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> {
				return refuseMeaning("bit operators are not allowed in a rule", binary);
			}
			default -> {
				return Meaning.value(Boolean.class);
			}
		}
	}

	private static Class<?> numeric(Class<?> left, Class<?> right) {
		if (left == Double.class || right == Double.class) {
			return Double.class;
		}
		return (left == Long.class || right == Long.class) ? Long.class : Integer.class;
	}

	private Meaning pointFree(Expression left, String operator, List<Expression> right, Expression arg1, Expression arg2, Expression e) {
		java.util.regex.Matcher str = java.util.regex.Pattern.compile("str\\[(\\w+)\\]").matcher(operator);
		if (str.matches()) {
			if (!STR_OPERATIONS.contains(str.group(1)) || arg1 != null || arg2 != null) {
				return refuseMeaning("str[...] may only be str[startsWith], str[endsWith] or str[length]", e);
			}
			operator = "str[]";
		}
		else if (!OPERATORS.contains(operator)) {
			return refuseMeaning("the operator '" + operator + "' is not allowed in a rule file (allowed: " + OPERATORS.stream().sorted().toList()
					+ ")", e);
		}
		if (operator.equals("str") && (arg1 == null || !STR_OPERATIONS.contains(text(arg1)) || arg2 != null)) {
			return refuseMeaning("str[...] may only be str[startsWith], str[endsWith] or str[length]", e);
		}
		if (!operator.startsWith("str") && (arg1 != null || arg2 != null)) {
			return refuseMeaning("the operator '" + operator + "' takes no [...] arguments", e);
		}
		boolean allowed = (left == null) || typeOf(left) != null;
		for (Expression value : right) {
			allowed &= typeOf(value) != null;
		}
		return allowed ? Meaning.value(Boolean.class) : null;
	}

	private Meaning refuseMeaning(String message, Node near) {
		refuse(message, near);
		return null;
	}

	private Class<?> refuse(String message, Node near) {
		this.refusals.add(new Refusal(message, text(near)));
		return null;
	}

	private static String describe(Node node) {
		String kind = node.getClass().getSimpleName().replaceAll("(Expr|Expression|Stmt)$", "");
		return "'" + text(node) + "' (" + kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + ")";
	}

	static String text(Node node) {
		try {
			return org.drools.mvel.parser.printer.PrintUtil.printNode(node);
		}
		catch (RuntimeException ex) {
			return node.getClass().getSimpleName();
		}
	}

}

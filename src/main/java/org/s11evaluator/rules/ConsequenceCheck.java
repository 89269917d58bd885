package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;

/**
 * Judges a rule's consequence, parsed as Java: it may only {@code insert} outcomes, optionally under an
 * {@code if}. No local variables, loops, exceptions or assignments, no other statement: a consequence
 * concludes, it does not compute.
 */
final class ConsequenceCheck {

	/** A refusal and where it starts in the consequence's text, when known. */
	record Refusal(String message, Optional<Position> begin) {
	}

	private final Map<String, Class<?>> variables;

	private final List<Refusal> refusals = new ArrayList<>();

	ConsequenceCheck(Map<String, Class<?>> variables) {
		this.variables = new LinkedHashMap<>(variables);
	}

	List<Refusal> refusals() {
		return this.refusals;
	}

	void block(BlockStmt block) {
		block.getStatements().forEach(this::statement);
	}

	private void statement(Statement statement) {
		if (statement instanceof BlockStmt block) {
			block(block);
		}
		else if (statement instanceof EmptyStmt) {
			return;
		}
		else if (statement instanceof IfStmt branch) {
			value(branch.getCondition());
			statement(branch.getThenStmt());
			branch.getElseStmt().ifPresent(this::statement);
		}
		else if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof VariableDeclarationExpr) {
			refuse("local variables are not allowed in a consequence: write the value where it is used, so that no rule can build "
					+ "a text step by step", statement);
		}
		else if (statement instanceof ExpressionStmt expression && expression.getExpression() instanceof MethodCallExpr call
				&& call.getScope().isEmpty()) {
			value(call);
		}
		else {
			refuse("'" + firstLine(statement) + "' is not allowed in a consequence: a consequence may only insert(...) outcomes, "
					+ "under an 'if' if need be", statement);
		}
	}

	private Class<?> value(Expression expression) {
		RuleExpressionCheck check = new RuleExpressionCheck(this.variables, null, RuleExpressionCheck.Mode.CONSEQUENCE);
		Class<?> type = check.typeOf(expression);
		for (RuleExpressionCheck.Refusal refusal : check.refusals()) {
			Optional<Position> at = expression.findFirst(Node.class, (node) -> RuleExpressionCheck.text(node).equals(refusal.near()))
				.flatMap(Node::getBegin);
			this.refusals.add(new Refusal(refusal.message(), at.or(expression::getBegin)));
		}
		return type;
	}

	private void refuse(String message, Node node) {
		this.refusals.add(new Refusal(message, node.getBegin()));
	}

	private static String firstLine(Node node) {
		String text = node.toString().lines().findFirst().orElse("").strip();
		return (text.length() > 60) ? text.substring(0, 57) + "..." : text;
	}

}

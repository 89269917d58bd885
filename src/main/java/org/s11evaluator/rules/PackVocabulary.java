package org.s11evaluator.rules;

import java.util.LinkedHashSet;
import java.util.Set;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What a pack's rules can conclude, read from their parsed form as {@link RuleFileGuard} reads it (Drools' DRL parser,
 * then each consequence as Java): the rules in force, by name, and the finding codes their {@code new Finding(...)}
 * pass as text. A case that expects a code no rule can produce can never pass, and says so before it is run. When a
 * rule computes a code (not a text in quotes) the codes are not known ({@link #codesKnown()}); when a file cannot be parsed
 * (a problem reported on its own) neither are the rules ({@link #complete()}).
 */
record PackVocabulary(Set<String> ruleNames, Set<String> findingCodes, boolean complete, boolean codesKnown) {

	static PackVocabulary of(RulePack pack) {
		Set<String> rules = new LinkedHashSet<>();
		Set<String> codes = new java.util.TreeSet<>();
		boolean known = true;
		boolean complete = true;
		JavaParser java = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
		for (RulePack.RuleFile file : pack.ruleFiles()) {
			PackageDescr parsed;
			DrlParser parser = new DrlParser();
			try {
				// a file the guard refuses as too big or too deep (reported on its own) is not read here either
				parsed = (file.content().length() <= RuleFileGuard.MAX_FILE_CHARACTERS) ? parser.parse(false, file.content()) : null;
			}
			catch (DroolsParserException | RuntimeException | StackOverflowError ex) {
				parsed = null;
			}
			if (parsed == null || parser.hasErrors()) {
				complete = false;
				continue;
			}
			try {
				known &= codes(pack, file, parsed, java, rules, codes);
			}
			catch (RuntimeException | StackOverflowError ex) {
				complete = false;
			}
		}
		return new PackVocabulary(rules, codes, complete, complete && known);
	}

	/** Adds the file's rules and finding codes; false when a code is computed rather than written; throws if unreadable. */
	private static boolean codes(RulePack pack, RulePack.RuleFile file, PackageDescr parsed, JavaParser java, Set<String> rules,
			Set<String> codes) {
		boolean known = true;
		for (RuleDescr rule : parsed.getRules()) {
			if (file.baseline() && pack.framework().baseline().disable().contains(RulePackCompiler.ruleId(rule.getName()))) {
				continue;
			}
			rules.add(rule.getName());
			String text = String.valueOf(rule.getConsequence());
			ParseResult<BlockStmt> consequence = (text.length() <= RuleFileGuard.MAX_EXPRESSION_CHARACTERS)
					? java.parseBlock("{" + text + "\n}") : null;
			if (consequence == null || consequence.getResult().isEmpty()) {
				throw new IllegalStateException("a consequence that cannot be read");
			}
			for (ObjectCreationExpr created : consequence.getResult().get().findAll(ObjectCreationExpr.class)) {
				if (created.getType().getNameAsString().equals("Finding") && !created.getArguments().isEmpty()) {
					var literals = created.getArgument(0).findAll(StringLiteralExpr.class);
					known &= !literals.isEmpty();
					literals.forEach((literal) -> codes.add(literal.getValue()));
				}
			}
		}
		return known;
	}

	/** The ids rules start with ("SUS-EVD-01"). */
	Set<String> ruleIds() {
		Set<String> ids = new LinkedHashSet<>();
		this.ruleNames.forEach((name) -> ids.add(RulePackCompiler.ruleId(name)));
		return ids;
	}

}

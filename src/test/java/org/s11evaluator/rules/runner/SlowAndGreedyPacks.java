package org.s11evaluator.rules.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.s11evaluator.support.Folders;

/**
 * Rule files that go past their budgets using nothing but conditions on the published facts: a join across
 * several answers of a return. Each fires on real returns only (rule cases use the cycle "rule-case"), so the
 * pack passes its own cases and reaches the nightly run, as a careless rule that is slow only on real data would.
 */
public final class SlowAndGreedyPacks {

	/** Compares every three answers with every fourth: about 50^4 comparisons that all fail, in little memory. */
	public static final String SLOW = """
			package rules.pansussex;

			import org.s11evaluator.rules.facts.*;

			rule "SUS-SLOW-01 Compares every three answers with every other"
			when
			    Submission(cycle != "rule-case")
			    $a : ItemResponse()
			    $b : ItemResponse()
			    $c : ItemResponse()
			    ItemResponse(this != $a, this != $b, this != $c, rating == $a.rating() + $b.rating() + $c.rating())
			then
			    insert(new Finding("NEVER", null, null, "never"));
			end
			""";

	/** Pairs every four answers: millions of matches, each kept by the engine until fired. */
	public static final String GREEDY = """
			package rules.pansussex;

			import org.s11evaluator.rules.facts.*;

			rule "SUS-GREEDY-01 Pairs every four answers"
			when
			    Submission(cycle != "rule-case")
			    $a : ItemResponse()
			    $b : ItemResponse()
			    $c : ItemResponse()
			    $d : ItemResponse()
			then
			    insert(new Finding("PAIR", $a.itemId(), $a.standardId(), $a.itemId() + $b.itemId() + $c.itemId() + $d.itemId()));
			end
			""";

	private SlowAndGreedyPacks() {
	}

	/** A copy of {@code rules/} in {@code folder}, with {@code drl} added to the pan-sussex pack as {@code name}. */
	public static Path rulesWith(Path folder, String name, String drl) {
		Folders.copy(Path.of("rules"), folder);
		try {
			Files.writeString(folder.resolve("pan-sussex").resolve(name), drl);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return folder;
	}

}

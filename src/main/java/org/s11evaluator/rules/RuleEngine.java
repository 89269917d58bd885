package org.s11evaluator.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;
import org.s11evaluator.rules.facts.Fact;
import org.s11evaluator.rules.facts.Item;
import org.s11evaluator.rules.facts.Outcome;
import org.s11evaluator.rules.facts.RatingTally;
import org.s11evaluator.rules.facts.Standard;

/**
 * Runs a compiled rule pack over one submission. Rules run in two phases: first the rules in ruleflow group
 * {@code "rating"} turn each answer into red/amber/green, then every other rule runs and sees all ratings.
 * Each outcome is recorded with the rule that inserted it and the facts that rule matched.
 * <p>
 * This is the engine itself, run in this process. The application's engine bean runs it in a separate
 * rule-runner process instead (org.s11evaluator.rules.runner), which holds nothing a rule could take.
 */
public class RuleEngine {

	public static final String RATING_PHASE = "rating";

	private final int maxRuleFirings;

	public RuleEngine(RulesSettings settings) {
		this.maxRuleFirings = settings.maxRuleFirings();
	}

	/** The budget of firings per return or per partnership rating ({@code s11.rules.max-rule-firings}). */
	public int maxRuleFirings() {
		return this.maxRuleFirings;
	}

	public EvaluationOutcome evaluate(RulePackCompiler.CompiledPack compiled, SubmissionFacts facts) {
		List<Object> inputs = new ArrayList<>();
		for (Framework.Standard standard : compiled.pack().framework().standards()) {
			inputs.add(new Standard(standard.id(), standard.title()));
			for (Framework.Item item : standard.items()) {
				inputs.add(new Item(item.id(), standard.id(), item.text()));
			}
		}
		inputs.add(compiled.pack().values());
		inputs.add(facts.submission());
		inputs.addAll(facts.responses());
		inputs.addAll(facts.actions());
		inputs.addAll(facts.survey());
		return run(compiled, inputs);
	}

	/** What evaluating one return of a batch came to: its outcome, or the exception that evaluating it threw. */
	public record Attempt(EvaluationOutcome outcome, RuntimeException failure) {
	}

	/**
	 * Evaluates several returns with one pack, as {@link #evaluate} would one by one, each within its own budgets:
	 * one attempt per return, in order. It stops after the first return that goes past a budget
	 * ({@link RuleBudgetExceededException}): the list is then shorter than the returns given, and the rest were not
	 * evaluated (the caller treats the pack as broken, or asks again). Any other failure is that return's alone.
	 * Here in this process, one at a time; in rule runners, one round trip for the whole batch.
	 */
	public List<Attempt> evaluateAll(RulePackCompiler.CompiledPack compiled, List<SubmissionFacts> facts) {
		List<Attempt> attempts = new ArrayList<>(facts.size());
		for (SubmissionFacts one : facts) {
			try {
				attempts.add(new Attempt(evaluate(compiled, one), null));
			}
			catch (RuleBudgetExceededException ex) {
				attempts.add(new Attempt(null, ex));
				break;
			}
			catch (RuntimeException ex) {
				attempts.add(new Attempt(null, ex));
			}
		}
		return attempts;
	}

	/**
	 * Rates a whole cycle for the partnership: the pack's threshold rules see one {@link RatingTally} per
	 * standard and per item, and nothing of any single return, so no agency-level rule can fire.
	 */
	public EvaluationOutcome ratePartnership(RulePackCompiler.CompiledPack compiled, List<RatingTally> tallies) {
		List<Object> facts = new ArrayList<>(tallies);
		facts.add(compiled.pack().values());
		return run(compiled, facts);
	}

	private EvaluationOutcome run(RulePackCompiler.CompiledPack compiled, List<Object> facts) {
		KieSession session = openSession(compiled);
		Explanations explanations = new Explanations();
		try {
			session.addEventListener((org.kie.api.event.rule.AgendaEventListener) explanations);
			session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) explanations.inserts);
			facts.forEach(session::insert);
			session.getAgenda().getAgendaGroup(RATING_PHASE).setFocus();
			int fired = session.fireAllRules(this.maxRuleFirings);
			if (fired >= this.maxRuleFirings) {
				throw new RuleBudgetExceededException(compiled.pack(), firingBudgetBreach(this.maxRuleFirings), explanations.lastRule);
			}
			List<Derived<? extends Outcome>> outcomes = new ArrayList<>();
			for (Object object : session.getObjects((o) -> o instanceof Outcome)) {
				Derived<? extends Outcome> derived = explanations.of((Outcome) object);
				outcomes.add(derived);
			}
			return new EvaluationOutcome(compiled.pack().id(), compiled.pack().version(), outcomes);
		}
		finally {
			session.dispose();
		}
	}

	/** What went wrong when rules fire more than their budget, as a {@link RuleBudgetExceededException} says it. */
	public static String firingBudgetBreach(int maxRuleFirings) {
		return "went past its budget of " + maxRuleFirings + " rule firings per return (s11.rules.max-rule-firings): "
				+ "a rule probably re-triggers itself";
	}

	/** A new session of the compiled pack; the rule runner's child adds its watch of the rules here. */
	protected KieSession openSession(RulePackCompiler.CompiledPack compiled) {
		return compiled.kieBase().newKieSession();
	}

	/** Remembers which rule was firing when each outcome was inserted, and what it had matched. */
	private static final class Explanations extends DefaultAgendaEventListener {

		private final Map<Object, Derived<? extends Outcome>> byOutcome = new IdentityHashMap<>();

		private Match current;

		private String lastRule = "none";

		private final DefaultRuleRuntimeEventListener inserts = new DefaultRuleRuntimeEventListener() {
			@Override
			public void objectInserted(ObjectInsertedEvent event) {
				if (event.getObject() instanceof Outcome outcome && Explanations.this.current != null) {
					Object policy = Explanations.this.current.getRule().getMetaData().get("policy");
					Explanations.this.byOutcome.put(outcome, new Derived<>(outcome, Explanations.this.current.getRule().getName(),
							inputs(Explanations.this.current), (policy != null) ? policy.toString() : null));
				}
			}
		};

		@Override
		public void beforeMatchFired(BeforeMatchFiredEvent event) {
			this.current = event.getMatch();
			this.lastRule = this.current.getRule().getName();
		}

		@Override
		public void afterMatchFired(AfterMatchFiredEvent event) {
			this.current = null;
		}

		Derived<? extends Outcome> of(Outcome outcome) {
			Derived<? extends Outcome> derived = this.byOutcome.get(outcome);
			return (derived != null) ? derived : new Derived<>(outcome, "(inserted outside a rule)", List.of(), null);
		}

		private static List<String> inputs(Match match) {
			return match.getObjects().stream()
				.map((object) -> (object instanceof Fact fact) ? fact.summary() : String.valueOf(object))
				.toList();
		}

	}

}

package org.s11evaluator.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.s11evaluator.logging.LogValues;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.RuleBudgetExceededException;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePackException;
import org.s11evaluator.rules.PublishedPacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ItemProcessor;

/**
 * Evaluates one stored return with its cycle's rule pack, asking the rule engine for the rest of the page's returns
 * of the same pack in the same batch (one round trip to a rule runner; each return within its own budgets), so
 * that the returns after it come with their outcome ready. Each pack is read from the rules folder once per
 * partition (one instance of this class per partnership's step execution), so every return of a partnership
 * in a run is judged by the same pack version. A pack that does not compile or fails its own cases is not
 * used: only the returns it judges are skipped, and they keep their last good results. A pack that goes past a
 * budget (time, memory, firings) on one return is treated as broken for the rest of the run, in every partnership
 * ({@link RunBudgetBreaches}): its other returns are skipped with the same reason, and the run ends FAILED.
 */
class SubmissionEvaluator implements ItemProcessor<SubmissionToEvaluate, EvaluatedSubmission> {

	private static final Logger log = LoggerFactory.getLogger(SubmissionEvaluator.class);

	/** Most returns asked for in one batch: enough to spread a round trip's cost, few enough to send and read at once. */
	static final int BATCH = 20;

	private final PublishedPacks packs;

	private final RuleEngine engine;

	private final Map<String, Object> packsOfThisRun = new HashMap<>();

	private final RunBudgetBreaches breaches;

	private final StepExecution partition;

	private final Clock clock;

	private final PageInHand inHand;

	/** Attempts made in a batch for returns not yet processed, by return id: at most a page of them. */
	private final Map<Long, Attempted> attempted = new HashMap<>();

	private record Attempted(int version, RuleEngine.Attempt attempt) {
	}

	SubmissionEvaluator(PublishedPacks packs, RuleEngine engine, RunBudgetBreaches breaches, StepExecution partition, Clock clock, PageInHand inHand) {
		this.clock = clock;
		this.packs = packs;
		this.engine = engine;
		this.breaches = breaches;
		this.partition = partition;
		this.inHand = inHand;
	}

	@Override
	public EvaluatedSubmission process(SubmissionToEvaluate submission) {
		RuleBudgetExceededException breached = this.breaches.of(this.partition.getJobExecutionId(), submission.packId());
		if (breached != null) {
			throw notEvaluated(breached);
		}
		RulePackCompiler.CompiledPack pack = pack(submission.packId());
		try {
			RuleEngine.Attempt attempt = attempt(pack, submission);
			if (attempt.failure() != null) {
				throw attempt.failure();
			}
			EvaluationOutcome outcome = attempt.outcome();
			OutcomeCheck.check(outcome);
			return new EvaluatedSubmission(submission, outcome, this.clock.instant());
		}
		catch (RuleBudgetExceededException ex) {
			throw breach(submission.packId(), ex);
		}
		catch (RuntimeException ex) {
			throw new EvaluationFailedException("rule pack " + pack.pack().id() + " (version " + pack.pack().shortVersion()
					+ ") failed on this submission: " + ex.getMessage(), ex);
		}
	}

	/**
	 * This return's attempt: made earlier in a batch with the returns after it in the page (same pack), or now, in a
	 * batch with them. Each return keeps its own budgets in the batch; one that goes past a budget ends the batch, and
	 * the pack is then broken for the rest of the run, so the returns after it are never asked for again.
	 */
	private RuleEngine.Attempt attempt(RulePackCompiler.CompiledPack pack, SubmissionToEvaluate submission) {
		Attempted earlier = this.attempted.remove(submission.id());
		if (earlier != null && earlier.version() == submission.version()) {
			return earlier.attempt();
		}
		this.attempted.clear(); // what is left belongs to an earlier page (or a chunk processed again): asked for anew
		List<SubmissionToEvaluate> batch = new ArrayList<>();
		batch.add(submission);
		for (SubmissionToEvaluate next : this.inHand.fromOn(submission)) {
			if (batch.size() >= BATCH) {
				break;
			}
			if (next.id() != submission.id() && next.packId().equals(submission.packId())) {
				batch.add(next);
			}
		}
		List<RuleEngine.Attempt> attempts = this.engine.evaluateAll(pack, batch.stream().map(SubmissionToEvaluate::facts).toList());
		if (attempts.isEmpty()) {
			throw new IllegalStateException("the rule engine answered none of a batch of " + batch.size() + " return(s)");
		}
		for (int i = 1; i < attempts.size(); i++) {
			this.attempted.put(batch.get(i).id(), new Attempted(batch.get(i).version(), attempts.get(i)));
		}
		return attempts.get(0);
	}

	private RulePackCompiler.CompiledPack pack(String packId) {
		Object pack = this.packsOfThisRun.computeIfAbsent(packId, (id) -> {
			try {
				return this.packs.usable(id);
			}
			catch (RulePackException ex) {
				// one line per problem: they quote the pack's files, which must not start lines of their own
				ex.problems().forEach((problem) -> log.error("Rule pack '{}' cannot be used: {}", LogValues.escape(id), LogValues.escape(problem)));
				log.error("Submissions judged by rule pack '{}' are skipped in this run; their last good results are kept.", LogValues.escape(id));
				return ex;
			}
		});
		if (pack instanceof RuleBudgetExceededException breach) {
			// it went past a budget on its own cases, at the gate
			throw breach(packId, breach);
		}
		if (pack instanceof RulePackException broken) {
			throw new EvaluationFailedException(broken.getMessage(), broken);
		}
		return (RulePackCompiler.CompiledPack) pack;
	}

	/** The pack is broken for the rest of the run, in every partnership; this one's report says why. */
	private EvaluationFailedException breach(String packId, RuleBudgetExceededException breach) {
		RuleBudgetExceededException first = this.breaches.record(this.partition.getJobExecutionId(), packId, breach);
		if (first == breach) {
			log.error("{}. The pack's other returns in this run are not evaluated; the run will end FAILED.", first.getMessage());
		}
		this.partition.getExecutionContext().putString(RunBudgetBreaches.BREACH, first.getMessage());
		return notEvaluated(first);
	}

	private static EvaluationFailedException notEvaluated(RuleBudgetExceededException breach) {
		return new EvaluationFailedException(breach.getMessage() + "; the pack's returns are not evaluated in this run", breach);
	}

}

package org.s11evaluator.evaluation;

import java.time.Clock;
import java.util.HashMap;
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
 * Evaluates one stored return with its cycle's rule pack. Each pack is read from the rules folder once per
 * partition (one instance of this class per partnership's step execution), so every return of a partnership
 * in a run is judged by the same pack version. A pack that does not compile or fails its own cases is not
 * used: only the returns it judges are skipped, and they keep their last good results. A pack that goes past a
 * budget (time, memory, firings) on one return is treated as broken for the rest of the run, in every partnership
 * ({@link RunBudgetBreaches}): its other returns are skipped with the same reason, and the run ends FAILED.
 */
class SubmissionEvaluator implements ItemProcessor<SubmissionToEvaluate, EvaluatedSubmission> {

	private static final Logger log = LoggerFactory.getLogger(SubmissionEvaluator.class);

	private final PublishedPacks packs;

	private final RuleEngine engine;

	private final Map<String, Object> packsOfThisRun = new HashMap<>();

	private final RunBudgetBreaches breaches;

	private final StepExecution partition;

	private final Clock clock;

	SubmissionEvaluator(PublishedPacks packs, RuleEngine engine, RunBudgetBreaches breaches, StepExecution partition, Clock clock) {
		this.clock = clock;
		this.packs = packs;
		this.engine = engine;
		this.breaches = breaches;
		this.partition = partition;
	}

	@Override
	public EvaluatedSubmission process(SubmissionToEvaluate submission) {
		RuleBudgetExceededException breached = this.breaches.of(this.partition.getJobExecutionId(), submission.packId());
		if (breached != null) {
			throw notEvaluated(breached);
		}
		RulePackCompiler.CompiledPack pack = pack(submission.packId());
		try {
			EvaluationOutcome outcome = this.engine.evaluate(pack, submission.facts());
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

package org.s11evaluator.evaluation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.s11evaluator.logging.LogValues;
import org.s11evaluator.rules.EvaluationOutcome;
import org.s11evaluator.rules.RuleEngine;
import org.s11evaluator.rules.RulePackCompiler;
import org.s11evaluator.rules.RulePackException;
import org.s11evaluator.rules.PublishedPacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ItemProcessor;

/**
 * Evaluates one stored return with its cycle's rule pack. Each pack is read from the rules folder once per
 * partition (one instance of this class per partnership's step execution), so every return of a partnership
 * in a run is judged by the same pack version. A pack that does not compile or fails its own cases is not
 * used: only the returns it judges are skipped, and they keep their last good results.
 */
class SubmissionEvaluator implements ItemProcessor<SubmissionToEvaluate, EvaluatedSubmission> {

	private static final Logger log = LoggerFactory.getLogger(SubmissionEvaluator.class);

	private final PublishedPacks packs;

	private final RuleEngine engine;

	private final Map<String, Object> packsOfThisRun = new HashMap<>();

	SubmissionEvaluator(PublishedPacks packs, RuleEngine engine) {
		this.packs = packs;
		this.engine = engine;
	}

	@Override
	public EvaluatedSubmission process(SubmissionToEvaluate submission) {
		RulePackCompiler.CompiledPack pack = pack(submission.packId());
		try {
			EvaluationOutcome outcome = this.engine.evaluate(pack, submission.facts());
			OutcomeCheck.check(outcome);
			return new EvaluatedSubmission(submission, outcome, Instant.now());
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
		if (pack instanceof RulePackException broken) {
			throw new EvaluationFailedException(broken.getMessage(), broken);
		}
		return (RulePackCompiler.CompiledPack) pack;
	}

}

/**
 * Evaluating the returns: the first step of {@code evaluateCycleJob} (reader, Drools, writer, one partition per
 * partnership) and the storage of its results, read back explained by {@link org.s11evaluator.evaluation.EvaluationResults}.
 * Other modules name its steps, job parameters and context keys through {@link org.s11evaluator.evaluation.EvaluationSteps}.
 * <p>
 * Tables owned: evaluation, finding, follow_up_action, result_reason, result_policy_values; views item_rating, standard_rating. TableOwnershipTests checks which SQL names them; see README.md beside this file.
 */
package org.s11evaluator.evaluation;

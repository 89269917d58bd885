/**
 * Summary change detection: which cycles' inputs changed since their last summary
 * ({@link org.s11evaluator.changes.ChangedCycles}), and doing the same work for each on several threads
 * ({@link org.s11evaluator.changes.ParallelCycles}).
 * <p>
 * Tables owned: none, and it reads none: each module that holds an input says what it holds ({@link org.s11evaluator.changes.CycleInputs}), and the summaries' module keeps the fingerprints ({@link org.s11evaluator.changes.SummaryFingerprints}). TableOwnershipTests checks which SQL names them; see README.md beside this file.
 */
package org.s11evaluator.changes;

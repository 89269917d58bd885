/**
 * Summary change detection: which cycles' inputs changed since their last summary
 * ({@link org.s11evaluator.changes.ChangedCycles}), and doing the same work for each on several threads
 * ({@link org.s11evaluator.changes.ParallelCycles}).
 * <p>
 * Tables owned: none (it records fingerprints in reporting's cycle_summary; its reads of other tables are listed in known-table-reaches.txt). TableOwnershipTests checks which SQL names them; see README.md beside this file.
 */
package org.s11evaluator.changes;

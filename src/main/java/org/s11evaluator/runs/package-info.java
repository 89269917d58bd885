/**
 * Evaluation runs: the job's flow ({@code RunJobConfiguration}), launching and recovering runs
 * ({@link org.s11evaluator.runs.EvaluationManagement}, one at a time under a database lock), heartbeats, the audit of each
 * run and its report ({@link org.s11evaluator.runs.RunReports}).
 * <p>
 * Tables owned: run_report, run_heartbeat. TableOwnershipTests checks which SQL names them; see README.md beside this file.
 */
package org.s11evaluator.runs;

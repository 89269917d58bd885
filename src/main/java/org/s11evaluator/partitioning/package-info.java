/**
 * Remote partitioning: the evaluation step's partnerships sent through an Artemis broker to worker processes, and
 * the workers' listener. Replaces the local partitioned step of {@code evaluation} when {@code s11.evaluation.remote.enabled}.
 * <p>
 * Tables owned: none (Spring Batch's job repository, through JobExplorer and JobRepository). TableOwnershipTests checks which SQL names them; see README.md beside this file.
 */
package org.s11evaluator.partitioning;
